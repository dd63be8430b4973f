package io.convexspring.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The sample app: Convex actions, mutations and queries called from Spring MVC controllers.
 * Without {@code convex.url} (or {@code CONVEX_URL}) it runs on the embedded demo backend.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
