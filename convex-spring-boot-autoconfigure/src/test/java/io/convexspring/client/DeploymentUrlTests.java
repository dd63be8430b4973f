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
	void queryAndFragmentAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> DeploymentUrl.parse("https://x.convex.cloud?a=b"))
			.withMessageContaining("query");
	}

}
