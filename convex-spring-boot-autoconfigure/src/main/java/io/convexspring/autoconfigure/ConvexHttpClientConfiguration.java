package io.convexspring.autoconfigure;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.reactive.ClientHttpConnectorBuilder;
import org.springframework.boot.http.client.reactive.ReactorClientHttpConnectorBuilder;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.http.client.HttpClient;

import io.convexspring.client.ConvexConnectionPools;
import io.convexspring.client.ConvexHttpConnectors;
import io.convexspring.client.ConvexReactorNetty;
import io.convexspring.client.FunctionKind;

/**
 * Builds the Convex transport's {@link ConvexHttpConnectors} the way Spring Boot builds its
 * own: with the application's {@link ClientHttpConnectorBuilder} (so
 * {@code spring.http.clients.reactive.connector} and its customizers apply) and its
 * {@link HttpClientSettings} ({@code spring.http.clients.*}: redirects, SSL bundle), overlaid
 * with {@code convex.connect-timeout} and {@code convex.ssl.bundle}. The read timeout is left
 * out: each call's deadline bounds it instead. On Reactor Netty, each connector takes its
 * connections from the starter's own {@link ConvexConnectionPools}; other connectors pool as
 * they do. The connectors are built by the first call through each (Reactor Netty's, with
 * an SSL context for an {@code https} URL, take a while), not at start-up; the settings,
 * {@code convex.ssl.bundle} among them, are checked at start-up. A
 * {@link ConvexHttpConnectors} bean of the application's own replaces all this.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(ClientHttpConnectorBuilder.class)
@ConditionalOnMissingBean(ConvexHttpConnectors.class)
class ConvexHttpClientConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ConvexConnectionPools convexConnectionPools(ConvexProperties properties) {
		return ConvexConnectionPools.create(properties.getHttp().toPoolSettings());
	}

	@Bean
	ConvexHttpConnectors convexHttpConnectors(ConvexProperties properties, ConvexConnectionPools pools,
			ObjectProvider<ClientHttpConnectorBuilder<?>> connectorBuilder, ObjectProvider<HttpClientSettings> settings,
			ObjectProvider<SslBundles> sslBundles) {
		ClientHttpConnectorBuilder<?> builder = connectorBuilder
			.getIfAvailable(() -> ClientHttpConnectorBuilder.detect(getClass().getClassLoader()));
		HttpClientSettings convexSettings = overlay(settings.getIfAvailable(HttpClientSettings::defaults), properties,
				sslBundles);
		if (builder instanceof ReactorClientHttpConnectorBuilder reactor) {
			return ConvexHttpConnectors.lazy(() -> onPool(reactor, pools, FunctionKind.QUERY).build(convexSettings),
					() -> onPool(reactor, pools, FunctionKind.ACTION).build(convexSettings));
		}
		return ConvexHttpConnectors.lazy(() -> builder.build(convexSettings));
	}

	private static HttpClientSettings overlay(HttpClientSettings boot, ConvexProperties properties,
			ObjectProvider<SslBundles> sslBundles) {
		String bundleName = properties.getSsl().getBundle();
		@Nullable SslBundle bundle = (bundleName != null) ? sslBundles.getObject().getBundle(bundleName)
				: boot.sslBundle();
		return new HttpClientSettings(boot.redirects(), properties.getConnectTimeout(), null, bundle);
	}

	private static ReactorClientHttpConnectorBuilder onPool(ReactorClientHttpConnectorBuilder builder,
			ConvexConnectionPools pools, FunctionKind kind) {
		// the application's customizers (its event loops, for one) stay; only the pool is the starter's
		return builder.withHttpClientFactory(() -> HttpClient.create(pools.forKind(kind)))
			.withHttpClientCustomizer(ConvexReactorNetty::customize);
	}

}
