package io.convexspring.maven.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Produces a Convex project's function spec and schema export without a deployment: runs a
 * small Node script ({@code convex-spec.mjs}) with the project's own {@code node_modules}, which
 * bundles the functions with the esbuild the {@code convex} package depends on, imports every
 * module and asks each registered function for its validators, as the backend does at deploy
 * time. Object fields keep their declaration order.
 */
public final class OfflineSpec {

	private static final String SCRIPT = "convex-spec.mjs";

	private static final long TIMEOUT_SECONDS = 120;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final String node;

	/**
	 * The texts produced.
	 * @param spec the function spec (JSON text, as {@code npx convex function-spec} prints it)
	 * @param schema the schema export (JSON text), {@code null} without a {@code schema.ts}
	 */
	public record Texts(String spec, @Nullable String schema) {
	}

	/**
	 * Creates the runner.
	 * @param node the Node.js executable, e.g. {@code node}
	 */
	public OfflineSpec(String node) {
		this.node = node;
	}

	/**
	 * Produces the spec of the project in a folder.
	 * @param projectDir the folder holding {@code package.json} and the functions folder
	 * @return the spec and schema texts
	 * @throws SpecException when Node is missing, the {@code convex} package is not installed, or
	 * a module fails to build or load; the message says what to do
	 */
	public Texts run(Path projectDir) {
		Path project = projectDir.toAbsolutePath().normalize();
		if (!Files.isRegularFile(project.resolve("package.json"))) {
			throw new SpecException("no package.json in " + project + ": set convex.projectDir to the folder of the Convex project");
		}
		if (!Files.isRegularFile(project.resolve("node_modules/convex/package.json"))) {
			throw new SpecException("the convex package is not installed in " + project + ": run `npm ci` (or `npm install`) there");
		}
		Path functions = project.resolve(functionsFolder(project));
		if (!Files.isDirectory(functions)) {
			throw new SpecException("no functions folder " + functions + " (see \"functions\" in convex.json)");
		}
		// inside node_modules, so that the bundle's imports of convex/* resolve to the project's package
		Path work = project.resolve("node_modules/.cache/convex-maven-plugin");
		Path script = work.resolve(SCRIPT);
		try {
			Files.createDirectories(work);
			try (InputStream in = OfflineSpec.class.getResourceAsStream("/io/convexspring/maven/" + SCRIPT)) {
				if (in == null) {
					throw new SpecException("the plugin's " + SCRIPT + " is missing from its jar");
				}
				Files.write(script, in.readAllBytes());
			}
		}
		catch (IOException ex) {
			throw new SpecException("cannot write " + script + ": " + ex.getMessage(), ex);
		}
		String output = execute(List.of(this.node, script.toString(), project.toString(), functions.toString(),
				work.toString()), project);
		try {
			JsonNode result = JSON.readTree(output);
			JsonNode schema = result.path("schema");
			return new Texts(result.path("spec").asString(), schema.isString() ? schema.asString() : null);
		}
		catch (JacksonException ex) {
			throw new SpecException("the spec script printed no JSON: " + abbreviate(output), ex);
		}
	}

	private static String functionsFolder(Path project) {
		Path config = project.resolve("convex.json");
		if (Files.isRegularFile(config)) {
			try {
				JsonNode functions = JSON.readTree(Files.readString(config)).path("functions");
				if (functions.isString()) {
					return functions.asString();
				}
			}
			catch (IOException | JacksonException ex) {
				throw new SpecException("cannot read " + config + ": " + ex.getMessage(), ex);
			}
		}
		return "convex";
	}

	private String execute(List<String> command, Path directory) {
		Process process;
		try {
			process = new ProcessBuilder(command).directory(directory.toFile()).start();
		}
		catch (IOException ex) {
			throw new SpecException("cannot run Node.js ('" + this.node + "'): install Node.js 18 or later, or set "
					+ "convex.node to its path (" + ex.getMessage() + ")", ex);
		}
		try {
			process.getOutputStream().close();
			CompletableFuture<byte[]> stdout = read(process.getInputStream());
			CompletableFuture<byte[]> stderr = read(process.getErrorStream());
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new SpecException("the spec script did not finish within " + TIMEOUT_SECONDS + " s");
			}
			String errors = new String(stderr.get(), StandardCharsets.UTF_8).strip();
			if (process.exitValue() != 0) {
				throw new SpecException("cannot read the functions' spec: "
						+ (errors.isEmpty() ? "node exited with " + process.exitValue() : errors));
			}
			return new String(stdout.get(), StandardCharsets.UTF_8);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new SpecException("interrupted while reading the functions' spec", ex);
		}
		catch (IOException | java.util.concurrent.ExecutionException ex) {
			throw new SpecException("cannot read the spec script's output: " + ex.getMessage(), ex);
		}
	}

	/** Reads a stream on its own thread: the common pool may have one thread on a small machine. */
	private static CompletableFuture<byte[]> read(InputStream stream) {
		CompletableFuture<byte[]> result = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (stream) {
				result.complete(stream.readAllBytes());
			}
			catch (IOException ex) {
				result.completeExceptionally(ex);
			}
		}, "convex-spec-output");
		reader.setDaemon(true);
		reader.start();
		return result;
	}

	private static String abbreviate(String text) {
		return (text.length() > 300) ? text.substring(0, 300) + "..." : text;
	}

}
