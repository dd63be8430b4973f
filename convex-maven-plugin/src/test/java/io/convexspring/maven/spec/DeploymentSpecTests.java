package io.convexspring.maven.spec;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link DeploymentSpec} against a loopback server standing in for a deployment: the
 * system query it sends, the spec it writes, and refusals that never show the deploy key.
 */
class DeploymentSpecTests {

	private static final String KEY = "prod:happy-otter-123|secret-deploy-key";

	private HttpServer server;

	private final AtomicReference<String> request = new AtomicReference<>();

	private final AtomicReference<String> authorization = new AtomicReference<>();

	private volatile int status = 200;

	private volatile String answer = "";

	@BeforeEach
	void start() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/api/query", (exchange) -> {
			this.request.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			this.authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
			byte[] body = this.answer.getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(this.status, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		this.server.start();
	}

	@AfterEach
	void stop() {
		this.server.stop(0);
	}

	private String url() {
		return "http://127.0.0.1:" + this.server.getAddress().getPort() + "/";
	}

	@Test
	void readsTheApiSpecSystemQueryWithTheDeployKey() {
		this.answer = """
				{"status":"success","value":[{"args":{"type":"any"},"functionType":"Query",
				 "identifier":"a.js:b","returns":null,"visibility":{"kind":"public"}}],"logLines":[]}""";
		OfflineSpec.Texts texts = new DeploymentSpec(url(), KEY).read();
		assertThat(JsonMapper.builder().build().readTree(this.request.get()).path("path").asString())
			.isEqualTo("_system/cli/modules:apiSpec");
		assertThat(this.authorization.get()).isEqualTo("Convex " + KEY);
		assertThat(texts.schema()).isNull();
		assertThat(texts.spec()).startsWith("{\n  \"url\": \"http://127.0.0.1:")
			.contains("\n  \"functions\": [\n    {\n      \"args\": {\n        \"type\": \"any\"\n      },")
			.contains("\"returns\": null");
		assertThat(ConvexSpec.of(JsonMapper.builder().build().readTree(texts.spec()), null).functions())
			.singleElement()
			.extracting(FunctionSpec::callPath)
			.isEqualTo("a:b");
	}

	@Test
	void refusalNamesTheDeploymentNotTheKey() {
		this.status = 401;
		this.answer = "{\"code\":\"BadDeployKey\",\"message\":\"The provided deploy key was invalid\"}";
		assertThatExceptionOfType(SpecException.class).isThrownBy(() -> new DeploymentSpec(url(), KEY).read())
			.withMessageContaining("HTTP 401")
			.withMessageContaining("deploy key was invalid")
			.withMessageNotContaining("secret-deploy-key");
	}

	@Test
	void missingKeySaysWhatToSet() {
		assertThatExceptionOfType(SpecException.class).isThrownBy(() -> new DeploymentSpec(url(), null).read())
			.withMessageContaining("convex.deployKey")
			.withMessageContaining("CONVEX_DEPLOY_KEY");
	}

}
