package io.convexspring.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.jspecify.annotations.Nullable;

import io.convexspring.maven.codegen.ApiGenerator;
import io.convexspring.maven.codegen.GeneratedSources;
import io.convexspring.maven.codegen.TypeOverrides;
import io.convexspring.maven.spec.ConvexSpec;
import io.convexspring.maven.spec.SpecException;

/**
 * Generates the typed Java API ({@code Api}, a class per module, {@code Tables}) from a Convex
 * function spec and, when present, its schema export, and adds it as a compile source root. Pure
 * Java: no Node. Files whose content did not change are not rewritten.
 */
@Mojo(name = "generate", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateMojo extends AbstractMojo {

	/** Folder of the Convex project ({@code package.json} and the functions); where the spec is by default. */
	@Parameter(property = "convex.projectDir", defaultValue = "${project.basedir}")
	private File projectDir;

	/** Function spec to read; default {@code function-spec.json} in the project folder. */
	@Parameter(property = "convex.specFile")
	private @Nullable File specFile;

	/** Schema export to read when it exists; default {@code schema.json} in the project folder. */
	@Parameter(property = "convex.schemaFile")
	private @Nullable File schemaFile;

	/** Where the Java sources go. */
	@Parameter(property = "convex.outputDirectory", defaultValue = "${project.build.directory}/generated-sources/convex")
	private File outputDirectory;

	/** Package of the generated sources. */
	@Parameter(property = "convex.packageName", required = true)
	private String packageName;

	/** Whether to generate {@code InternalApi} for internal functions (callable only with an admin key). */
	@Parameter(property = "convex.includeInternal", defaultValue = "false")
	private boolean includeInternal;

	/**
	 * {@code v.number()} fields, arguments or results that hold whole numbers (timestamps,
	 * counts), to generate as {@code long} rather than {@code double}: each a {@code <typeOverride>}
	 * with a {@code <path>} ({@code emails:send.returns.sentAt}, {@code orders.amountCents}) and a
	 * {@code <javaType>} ({@code long}).
	 */
	@Parameter
	private List<TypeOverride> typeOverrides = new ArrayList<>();

	/** Whether to skip the goal. */
	@Parameter(property = "convex.skip", defaultValue = "false")
	private boolean skip;

	@Parameter(defaultValue = "${project}", readonly = true, required = true)
	private MavenProject project;

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping convex:generate");
			return;
		}
		File spec = (this.specFile != null) ? this.specFile : new File(this.projectDir, "function-spec.json");
		File schema = (this.schemaFile != null) ? this.schemaFile : new File(this.projectDir, "schema.json");
		GeneratedSources sources;
		try {
			sources = new ApiGenerator(this.packageName, this.includeInternal)
				.generate(TypeOverrides.apply(ConvexSpec.read(spec.toPath(), schema.toPath()), overrides()));
		}
		catch (SpecException ex) {
			throw new MojoFailureException(ex.getMessage(), ex);
		}
		for (String warning : sources.warnings()) {
			getLog().warn(warning);
		}
		try {
			int[] changes = SourceFiles.sync(this.outputDirectory.toPath(), sources.files());
			getLog().info("Convex API in " + this.outputDirectory + ": " + sources.files().size() + " sources, "
					+ changes[0] + " written, " + changes[1] + " deleted");
		}
		catch (IOException ex) {
			throw new MojoExecutionException("cannot write to " + this.outputDirectory + ": " + ex.getMessage(), ex);
		}
		this.project.addCompileSourceRoot(this.outputDirectory.getPath());
	}

	private List<TypeOverrides.Entry> overrides() throws MojoFailureException {
		List<TypeOverrides.Entry> overrides = new ArrayList<>();
		for (TypeOverride override : this.typeOverrides) {
			String path = override.getPath();
			if (path == null || path.isBlank()) {
				throw new MojoFailureException("a <typeOverride> needs a <path>, such as emails:send.returns.sentAt");
			}
			String javaType = override.getJavaType();
			overrides.add(new TypeOverrides.Entry(path, (javaType != null) ? javaType : "long"));
		}
		return overrides;
	}

}
