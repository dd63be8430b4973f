package io.convexspring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code convex.*} property names the class path declares, read at run time from every
 * {@code META-INF/spring-configuration-metadata.json} (and additional metadata), so that
 * properties added by any module are known without a list here. A name of a {@code Map}
 * property also covers the keys under it.
 */
final class ConvexPropertyNames {

	static final String PREFIX = "convex";

	private static final String[] RESOURCES = { "META-INF/spring-configuration-metadata.json",
			"META-INF/additional-spring-configuration-metadata.json" };

	private final List<ConfigurationPropertyName> leaves;

	private final List<ConfigurationPropertyName> maps;

	private ConvexPropertyNames(List<ConfigurationPropertyName> leaves, List<ConfigurationPropertyName> maps) {
		this.leaves = leaves;
		this.maps = maps;
	}

	static ConvexPropertyNames load(@Nullable ClassLoader classLoader) {
		ClassLoader loader = (classLoader != null) ? classLoader : ConvexPropertyNames.class.getClassLoader();
		List<ConfigurationPropertyName> leaves = new ArrayList<>();
		List<ConfigurationPropertyName> maps = new ArrayList<>();
		JsonMapper json = JsonMapper.builder().build();
		ConfigurationPropertyName prefix = ConfigurationPropertyName.of(PREFIX);
		for (String resource : RESOURCES) {
			for (URL url : resources(loader, resource)) {
				JsonNode metadata;
				try (InputStream in = url.openStream()) {
					metadata = json.readTree(in);
				}
				catch (IOException | JacksonException ex) {
					continue;
				}
				for (JsonNode property : metadata.path("properties")) {
					String text = property.path("name").asString("");
					if (!ConfigurationPropertyName.isValid(text)) {
						continue;
					}
					ConfigurationPropertyName name = ConfigurationPropertyName.of(text);
					if (!prefix.isAncestorOf(name)) {
						continue;
					}
					leaves.add(name);
					if (property.path("type").asString("").startsWith("java.util.Map")) {
						maps.add(name);
					}
				}
			}
		}
		return new ConvexPropertyNames(List.copyOf(leaves), List.copyOf(maps));
	}

	private static List<URL> resources(ClassLoader loader, String name) {
		try {
			Enumeration<URL> urls = loader.getResources(name);
			return Collections.list(urls);
		}
		catch (IOException ex) {
			return List.of();
		}
	}

	/** Whether the metadata was found at all (a build without the configuration processor has none). */
	boolean isEmpty() {
		return this.leaves.isEmpty();
	}

	boolean isKnown(ConfigurationPropertyName name) {
		// a list's items (convex.x[0], convex.x[0].y) belong to the list property
		String text = name.toString();
		int index = text.indexOf('[');
		ConfigurationPropertyName unindexed = (index > 0) ? ConfigurationPropertyName.of(text.substring(0, index))
				: name;
		for (ConfigurationPropertyName known : this.leaves) {
			if (known.equals(unindexed)) {
				return true;
			}
		}
		for (ConfigurationPropertyName map : this.maps) {
			if (map.isAncestorOf(name)) {
				return true;
			}
		}
		return false;
	}

	/** The known name closest to a name, by edit distance of their dashed forms. */
	@Nullable String closest(ConfigurationPropertyName name) {
		String target = name.toString();
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (ConfigurationPropertyName known : this.leaves) {
			int distance = distance(target, known.toString());
			if (distance < bestDistance) {
				best = known.toString();
				bestDistance = distance;
			}
		}
		return best;
	}

	private static int distance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
