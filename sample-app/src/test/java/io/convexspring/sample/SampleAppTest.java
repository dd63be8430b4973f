package io.convexspring.sample;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * The sample app on a random port and the embedded demo backend, with reports that take
 * 300 ms. Every test class so annotated shares one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "sample.demo.report-duration=" + SampleAppTest.REPORT_DURATION)
public @interface SampleAppTest {

	/** How long the demo backend's {@code reports:generate} takes in tests. */
	String REPORT_DURATION = "300ms";

}
