package io.convexspring.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

import io.convexspring.maven.spec.DeploymentSpec;
import io.convexspring.maven.spec.OfflineSpec;
import io.convexspring.maven.spec.SpecException;

/**
 * Writes a Convex project's function spec (the JSON of {@code npx convex function-spec}) and its
 * schema export. Offline by default: the project's own modules are evaluated under Node with its
 * installed {@code convex} package, no deployment needed, and object fields keep their
 * declaration order. With {@code convex.url} set, the spec is read from that deployment instead
 * (with its deploy key), for functions that live in another repository. With
 * {@code convex.check}, nothing is written and the goal fails when the files differ: a drift
 * check for a checked-in spec.
 */
@Mojo(name = "spec", threadSafe = true, requiresProject = false)
public class SpecMojo extends AbstractMojo {

	/** Folder of the Convex project: {@code package.json}, {@code node_modules} and the functions. */
	@Parameter(property = "convex.projectDir", defaultValue = "${project.basedir}")
	private File projectDir;

	/** Function spec to write; default {@code function-spec.json} in the project folder. */
	@Parameter(property = "convex.specFile")
	private @Nullable File specFile;

	/** Schema export to write; default {@code schema.json} in the project folder. */
	@Parameter(property = "convex.schemaFile")
	private @Nullable File schemaFile;

	/** Node.js executable. */
	@Parameter(property = "convex.node", defaultValue = "node")
	private String node;

	/** Whether to only compare the files with the functions, failing when they differ. */
	@Parameter(property = "convex.check", defaultValue = "false")
	private boolean check;

	/** Deployment to read the spec from instead of the project's modules, e.g. {@code https://happy-otter-123.convex.cloud}. */
	@Parameter(property = "convex.url")
	private @Nullable String url;

	/** Deploy key of that deployment (admin access); also the {@code CONVEX_DEPLOY_KEY} environment variable. */
	@Parameter(property = "convex.deployKey")
	private @Nullable String deployKey;

	/** Whether to skip the goal. */
	@Parameter(property = "convex.skip", defaultValue = "false")
	private boolean skip;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping convex:spec");
			return;
		}
		File spec = (this.specFile != null) ? this.specFile : new File(this.projectDir, "function-spec.json");
		File schema = (this.schemaFile != null) ? this.schemaFile : new File(this.projectDir, "schema.json");
		OfflineSpec.Texts texts;
		try {
			texts = (this.url != null && !this.url.isBlank()) ? new DeploymentSpec(this.url, deployKey()).read()
					: new OfflineSpec(this.node).run(this.projectDir.toPath());
		}
		catch (SpecException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		try {
			if (this.check) {
				check(spec, texts.spec());
				if (texts.schema() != null) {
					check(schema, texts.schema());
				}
				getLog().info("Convex spec " + spec + " matches the functions");
				return;
			}
			report(spec, SourceFiles.write(spec.toPath(), texts.spec()));
			if (texts.schema() != null) {
				report(schema, SourceFiles.write(schema.toPath(), texts.schema()));
			}
		}
		catch (IOException ex) {
			throw new MojoExecutionException("cannot write the spec: " + ex.getMessage(), ex);
		}
	}

	private @Nullable String deployKey() {
		if (this.deployKey != null && !this.deployKey.isBlank()) {
			return this.deployKey;
		}
		return System.getenv("CONVEX_DEPLOY_KEY");
	}

	private static void check(File file, String expected) throws IOException, MojoFailureException {
		String actual = file.isFile() ? Files.readString(file.toPath(), StandardCharsets.UTF_8) : null;
		if (!expected.equals(actual)) {
			throw new MojoFailureException(file + " " + ((actual == null) ? "is missing" : "differs from the functions")
					+ ": run `mvn convex:spec` and commit the result");
		}
	}

	private void report(File file, boolean written) {
		getLog().info((written ? "Wrote " : "Unchanged: ") + file);
	}

}
