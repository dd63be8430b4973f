package io.convexspring.autoconfigure;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import io.convexspring.client.ConvexQueryClient;
import io.convexspring.client.ConvexTransportException;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code convex.ssl.bundle} against a deployment whose certificate only the bundle trusts: a
 * self-signed one made for the test.
 */
class ConvexSslBundleTests {

	@TempDir
	static Path directory;

	private static WireMockServer server;

	private static Path certificate;

	@BeforeAll
	static void startServer() throws Exception {
		Path keystore = directory.resolve("server.p12");
		certificate = directory.resolve("server.crt");
		keytool("-genkeypair", "-alias", "convex", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2", "-dname",
				"CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-keystore", keystore.toString(),
				"-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
		keytool("-exportcert", "-rfc", "-alias", "convex", "-keystore", keystore.toString(), "-storetype", "PKCS12",
				"-storepass", "changeit", "-file", certificate.toString());
		server = new WireMockServer(options().dynamicPort()
			.dynamicHttpsPort()
			.keystorePath(keystore.toString())
			.keystoreType("PKCS12")
			.keystorePassword("changeit")
			.keyManagerPassword("changeit"));
		server.start();
		server.stubFor(post(urlEqualTo("/api/query")).willReturn(okJson("{\"status\":\"success\",\"value\":2}")));
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	private static void keytool(String... args) throws Exception {
		List<String> command = new java.util.ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(new String(process.getInputStream().readAllBytes())).isZero();
	}

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, HttpClientAutoConfiguration.class,
				ReactiveHttpClientAutoConfiguration.class, ConvexAutoConfiguration.class));

	@Test
	void bundleTrustsTheDeploymentsCertificate() {
		this.contextRunner
			.withPropertyValues("convex.url=https://localhost:" + server.httpsPort(),
					"spring.ssl.bundle.pem.convex-ca.truststore.certificate=file:" + certificate,
					"convex.ssl.bundle=convex-ca")
			.run((context) -> assertThat(
					context.getBean(ConvexQueryClient.class).executeBlocking("orders:count", null, Double.class))
				.isEqualTo(2.0));
	}

	@Test
	void withoutTheBundleTheCertificateIsRefused() {
		this.contextRunner.withPropertyValues("convex.url=https://localhost:" + server.httpsPort(), "convex.retry.enabled=false")
			.run((context) -> assertThatExceptionOfType(ConvexTransportException.class).isThrownBy(
					() -> context.getBean(ConvexQueryClient.class).executeBlocking("orders:count", null, Double.class)));
	}

}
