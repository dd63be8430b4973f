package io.convexspring.test.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import io.convexspring.codec.ConvexInt64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deployment against the official {@code convex} npm clients, run by {@code node
 * src/test/node/official-clients.mjs}: {@code ConvexHttpClient} calls each kind of function with
 * lossless values and a ConvexError; {@code ConvexClient} subscribes, sees its own mutation in the
 * subscription when the mutation resolves, authenticates, survives {@link
 * LocalConvexDeployment#dropConnections()} and gives up on a rejected token.
 *
 * <p>The build installs the package ({@code npm ci} in {@code generate-test-resources}); without
 * Node.js or the package this test fails, it is not skipped.
 */
class OfficialClientTests {

	private static final Path SCRIPT_DIR = Path.of("src/test/node");

	private static final Duration TIMEOUT = Duration.ofSeconds(90);

	private final List<String> items = new ArrayList<>();

	private final AtomicInteger adds = new AtomicInteger();

	/** Run twice: Transitions whole, and cut into TransitionChunks the client reassembles. */
	@ParameterizedTest(name = "transitionChunkSize {0}")
	@ValueSource(ints = { 0, 40 })
	void officialClientsCallSubscribeAuthenticateAndReconnect(int transitionChunkSize) throws Exception {
		assertThat(SCRIPT_DIR.resolve("node_modules/convex")).as("npm ci has installed convex").isDirectory();
		try (LocalConvexDeployment deployment = deployment(transitionChunkSize)) {
			JsonNode results = runScript(deployment);
			assertThat(results.get("httpAddReturnedBigint").booleanValue()).isTrue();
			assertThat(results.get("httpList")).isEqualTo(json("[\"http\"]"));
			assertThat(results.get("echoLossless").booleanValue()).as("int64, NaN, -0 and bytes round trip").isTrue();
			assertThat(results.get("convexError"))
				.isEqualTo(json("{\"isConvexError\":true,\"data\":{\"code\":\"NOPE\"}}"));
			assertThat(results.get("httpWhoami").stringValue()).isEqualTo("USER");
			assertThat(results.get("subscribedFirst")).isEqualTo(json("[\"http\"]"));
			assertThat(results.get("subscribedAfterMutation")).isEqualTo(json("[\"http\",\"ws\"]"));
			assertThat(results.get("syncWhoami").stringValue()).isEqualTo("USER");
			assertThat(results.get("subscribedAfterReconnect")).isEqualTo(json("[\"http\",\"ws\",\"after-drop\"]"));
			assertThat(results.get("whoamiAfterReconnect").stringValue()).isEqualTo("USER");
			assertThat(results.get("rejectedAuth").booleanValue()).isFalse();
			assertThat(results.get("rejectedWhoami").stringValue()).isEqualTo("ANONYMOUS");
			assertThat(this.adds).as("each mutation ran once").hasValue(3);
		}
	}

	private LocalConvexDeployment deployment(int transitionChunkSize) {
		return LocalConvexDeployment.builder()
			.transitionChunkSize(transitionChunkSize)
			.query("items:list", (call) -> {
				synchronized (this.items) {
					return List.copyOf(this.items);
				}
			})
			.mutation("items:add", (call) -> {
				this.adds.incrementAndGet();
				synchronized (this.items) {
					this.items.add(call.args().get("name").stringValue());
					return ConvexInt64.of(this.items.size());
				}
			})
			.action("echo:args", FunctionCall::args)
			.action("fail:withData", (call) -> {
				throw new ConvexErrorException(Map.of("code", "NOPE"));
			})
			.query("auth:whoami", (call) -> call.identity().kind().name())
			.tokenVerifier((identity) -> {
				String token = String.valueOf(identity.token());
				if (token.contains(".") && decodedPayload(token).contains("\"rejected\"")) {
					throw new RequestRefusedException(401, "InvalidAuthHeader", "Could not verify the token");
				}
			})
			.start();
	}

	/** Runs the script, answering its drop request, and returns its results. */
	private JsonNode runScript(LocalConvexDeployment deployment) throws Exception {
		Process node = new ProcessBuilder("node", "official-clients.mjs", deployment.url())
			.directory(SCRIPT_DIR.toFile())
			.start();
		// the two readers block until the script ends: threads of their own, since the common pool
		// may have a single thread on a 2-core machine (JDK 25 uses it even then)
		ExecutorService readers = Executors.newFixedThreadPool(2);
		CompletableFuture<String> stderr = CompletableFuture
			.supplyAsync(() -> read(node.getErrorStream()), readers);
		List<String> logged = new java.util.concurrent.CopyOnWriteArrayList<>();
		try (BufferedReader stdout = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
				OutputStream stdin = node.getOutputStream()) {
			CompletableFuture<JsonNode> done = CompletableFuture.supplyAsync(() -> {
				try {
					for (String line = stdout.readLine(); line != null; line = stdout.readLine()) {
						if (!line.startsWith("@@ ")) {
							logged.add(line);
							continue;
						}
						JsonNode message = RawSyncClient.JSON.readTree(line.substring(3));
						if (message.get("event").stringValue().equals("drop")) {
							int before = deployment.connectionCount();
							deployment.dropConnections();
							await().atMost(Duration.ofSeconds(10)).until(() -> deployment.connectionCount() < before);
							stdin.write("dropped\n".getBytes(StandardCharsets.UTF_8));
							stdin.flush();
						}
						else {
							return message.get("results");
						}
					}
					return null;
				}
				catch (IOException ex) {
					throw new IllegalStateException(ex);
				}
			}, readers);
			JsonNode results = done.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
			assertThat(node.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
			assertThat(results).as("node's results; stdout: %s; stderr: %s", logged, stderr.join()).isNotNull();
			return results;
		}
		finally {
			node.destroyForcibly();
			readers.shutdownNow();
		}
	}

	private static String decodedPayload(String jwt) {
		String[] parts = jwt.split("\\.");
		return new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
	}

	private static String read(java.io.InputStream in) {
		try {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

	private static JsonNode json(String text) {
		return RawSyncClient.JSON.readTree(text);
	}

}
