package io.convexspring.sample;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.convexspring.client.ConvexTransport;
import io.convexspring.sample.demo.DemoConvexBackend;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which backend the sample app uses: the demo one, said in a start-up line, unless a URL is set.
 */
@ExtendWith(OutputCaptureExtension.class)
class DemoBackendStartupTests {

	@Test
	void withoutAUrlTheDemoBackendStartsAndSaysSo(CapturedOutput output) {
		try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0")
			.run()) {
			assertThat(context.getBeansOfType(DemoConvexBackend.class)).hasSize(1);
			assertThat(output).contains("running on the embedded demo Convex backend at http://127.0.0.1:");
		}
	}

	@Test
	void withAUrlTheAppTalksToThatDeployment() {
		try (var context = new org.springframework.boot.builder.SpringApplicationBuilder(SampleApplication.class)
			.properties("server.port=0", "convex.url=https://happy-otter-123.convex.cloud")
			.run()) {
			assertThat(context.getBeansOfType(DemoConvexBackend.class)).isEmpty();
			assertThat(context.getBean(ConvexTransport.class).deploymentUrl())
				.hasToString("https://happy-otter-123.convex.cloud");
			assertThat(context.getBean(BackendController.class).backend())
				.isEqualTo(new BackendController.Backend("deployment", "https://happy-otter-123.convex.cloud"));
		}
	}

}
