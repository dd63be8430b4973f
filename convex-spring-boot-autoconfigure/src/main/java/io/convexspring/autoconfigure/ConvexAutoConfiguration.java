package io.convexspring.autoconfigure;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.function.client.WebClient;
import tools.jackson.databind.json.JsonMapper;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.client.ConvexCredentials;
import io.convexspring.client.ConvexCredentialsProvider;
import io.convexspring.client.ConvexHttpConnectors;
import io.convexspring.client.ConvexMutationClient;
import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexRetryPolicy;
import io.convexspring.client.ConvexTransport;
import io.convexspring.client.FunctionKind;
import io.convexspring.codec.ConvexCodec;
import io.convexspring.state.ArgumentValidator;
import io.convexspring.state.BeanValidationArgumentValidator;

/**
 * Auto-configuration of the Convex clients: a {@link ConvexTransport} for the deployment in
 * {@code convex.url}, and the {@link ConvexActionClient}, {@link ConvexMutationClient} and
 * {@link ConvexQueryClient} on it. Uses the application's {@link WebClient.Builder} (cloned)
 * where there is one, and its HTTP client settings ({@link ConvexHttpClientConfiguration});
 * the codec's {@link JsonMapper} is the starter's own, adjusted by
 * {@link ConvexJsonMapperCustomizer} beans. Every bean backs off for a user's own.
 */
@AutoConfiguration(afterName = { "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration",
		"org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration",
		"org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration",
		"org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration" })
@ConditionalOnClass({ WebClient.class, JsonMapper.class })
@EnableConfigurationProperties(ConvexProperties.class)
@Import(ConvexHttpClientConfiguration.class)
public final class ConvexAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ConvexConnectionDetails.class)
	PropertiesConvexConnectionDetails convexConnectionDetails(ConvexProperties properties) {
		return new PropertiesConvexConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexCodec convexCodec(ObjectProvider<ConvexJsonMapperCustomizer> customizers) {
		// a mapper of the starter's own: the wire format is a contract with the functions, not
		// the application's REST style (its naming strategy, its inclusion rules)
		JsonMapper.Builder builder = JsonMapper.builder();
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return ConvexCodec.create(builder.build());
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexRetryPolicy convexRetryPolicy(ConvexProperties properties) {
		return properties.getRetry().toPolicy();
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexTransport convexTransport(ConvexConnectionDetails connectionDetails, ConvexProperties properties,
			ConvexCodec codec, ConvexRetryPolicy retryPolicy, ObjectProvider<WebClient.Builder> webClientBuilder,
			ObjectProvider<ConvexWebClientCustomizer> customizers,
			ObjectProvider<ConvexTransportCustomizer> transportCustomizers, ObjectProvider<ConvexHttpConnectors> connectors,
			ObjectProvider<ConvexCredentialsProvider> credentialsProvider) {
		ConvexTransport.Builder builder;
		try {
			builder = ConvexTransport.builder(connectionDetails.url(), properties.isSkipDeploymentUrlCheck());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConvexUrlException(connectionDetails.url(), ex);
		}
		builder.codec(codec)
			.connectTimeout(properties.getConnectTimeout())
			.timeout(FunctionKind.QUERY, properties.getQuery().getTimeout())
			.timeout(FunctionKind.MUTATION, properties.getMutation().getTimeout())
			.timeout(FunctionKind.ACTION, properties.getAction().getTimeout())
			.pool(properties.getHttp().toPoolSettings())
			.retryPolicy(retryPolicy)
			.maxResponseSize(properties.getMaxResponseSize());
		@SuppressWarnings("deprecation")
		Duration everyKind = properties.getResponseTimeout();
		if (everyKind != null) {
			for (FunctionKind kind : FunctionKind.values()) {
				builder.timeout(kind, everyKind);
			}
		}
		String deployKey = connectionDetails.deployKey();
		if (deployKey != null) {
			builder.credentials(ConvexCredentials.deployKey(deployKey));
		}
		connectors.ifAvailable(builder::connectors);
		// the application's provider (or the security relay's) is asked per call instead
		credentialsProvider.ifUnique(builder::credentialsProvider);
		// asked for by the first call: Boot's builder comes with a connector of its own (built
		// for it, then replaced by the transport's), which start-up need not pay for
		builder.webClientBuilder(webClientBuilder::getIfAvailable);
		customizers.orderedStream().forEach((customizer) -> builder.customizeWebClient(customizer::customize));
		transportCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexActionClient convexActionClient(ConvexTransport transport,
			ObjectProvider<ArgumentValidator> argumentValidator, ConvexProperties properties) {
		ArgumentValidator validator = argumentValidator.getIfAvailable(ArgumentValidator::none);
		ConvexActionClient client = new ConvexActionClient(transport, validator,
				Math.max(0, properties.getLoggingPreviewSize()));
		return properties.getValidation().isEnabled() ? client.withArgumentValidation(validator) : client;
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexMutationClient convexMutationClient(ConvexTransport transport,
			ObjectProvider<ArgumentValidator> argumentValidator, ConvexProperties properties) {
		ConvexMutationClient client = new ConvexMutationClient(transport);
		return properties.getValidation().isEnabled()
				? client.withArgumentValidation(argumentValidator.getIfAvailable(ArgumentValidator::none)) : client;
	}

	@Bean
	@ConditionalOnMissingBean
	ConvexQueryClient convexQueryClient(ConvexTransport transport,
			ObjectProvider<ArgumentValidator> argumentValidator, ConvexProperties properties) {
		ConvexQueryClient client = new ConvexQueryClient(transport);
		return properties.getValidation().isEnabled()
				? client.withArgumentValidation(argumentValidator.getIfAvailable(ArgumentValidator::none)) : client;
	}

	/**
	 * Checks action handles' arguments with the application's Bean Validation
	 * {@code Validator}, or the default provider's where there is none.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "jakarta.validation.Validator")
	static class BeanValidationConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ArgumentValidator convexArgumentValidator(ObjectProvider<jakarta.validation.Validator> validator) {
			jakarta.validation.Validator applicationValidator = validator.getIfUnique();
			return (applicationValidator != null) ? new BeanValidationArgumentValidator(applicationValidator)
					: ArgumentValidator.detect();
		}

	}

}
