package io.convexspring.client;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The {@code Convex-Client} header value, {@code java-spring-<version of this project>}: the
 * backend refuses a value without {@code -<semver>}.
 */
final class ClientHeader {

	static final String NAME = "Convex-Client";

	static final String VALUE = "java-spring-" + version();

	private ClientHeader() {
	}

	private static String version() {
		try (InputStream in = ClientHeader.class.getResourceAsStream("client.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			String version = properties.getProperty("version", "");
			// an unfiltered build (an IDE compiling sources only) still sends a valid semver
			return version.matches("\\d+\\.\\d+\\.\\d+.*") ? version : "0.0.0-dev";
		}
		catch (IOException ex) {
			return "0.0.0-dev";
		}
	}

}
