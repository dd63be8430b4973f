package io.convexspring.client;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DeploymentUrl}.
 */
class DeploymentUrlTests {

	@Test
	void trailingSlashesAreIgnored() {
		assertThat(DeploymentUrl.parse("https://happy-otter-123.convex.cloud//"))
			.hasToString("https://happy-otter-123.convex.cloud");
	}

	@Test
	void missingUrlIsRefusedWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeploymentUrl.parse(" "))
			.withMessageContaining("No Convex deployment URL")
			.withMessageContaining(DeploymentUrl.EXAMPLE);
	}

	@Test
	void credentialsInTheUrlAreRefusedWithoutBeingEchoed() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeploymentUrl.parse("https://admin:s3cret@happy-otter-123.convex.cloud"))
			.withMessageContaining("convex.deploy-key")
			.withMessageNotContaining("s3cret")
			.withMessageNotContaining("admin");
	}

	@Test
	void convexSiteIsRefusedWithTheNpmClientsHintAndTheCloudUrl() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DeploymentUrl.parse("https://happy-otter-123.convex.site", false))
			.withMessageContaining("ends with .convex.site, which is used for HTTP Actions")
			.withMessageContaining("https://happy-otter-123.convex.cloud")
			.withMessageContaining("convex.skip-deployment-url-check=true");
	}

	@Test
	void pathIsRefusedSinceItWouldGoBeforeTheApiPath() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeploymentUrl.parse("https://x.convex.cloud/api", false))
			.withMessageContaining("it has a path ('/api')")
			.withMessageContaining("https://x.convex.cloud/api/api/...")
			.withMessageContaining("https://x.convex.cloud.");
	}

	@Test
	void skippingTheCheckAcceptsAConvexSiteHostAndAPath() {
		assertThat(DeploymentUrl.parse("https://proxy.example.com/convex/", true))
			.hasToString("https://proxy.example.com/convex");
		assertThat(DeploymentUrl.parse("https://happy-otter-123.convex.site", true))
			.hasToString("https://happy-otter-123.convex.site");
	}

	@Test
	void queryAndFragmentAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeploymentUrl.parse("https://x.convex.cloud?a=b"))
			.withMessageContaining("query");
	}

}
