package io.convexspring.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * {@link ConvexConnectionDetails} from {@link ConvexProperties}.
 */
final class PropertiesConvexConnectionDetails implements ConvexConnectionDetails {

	private final ConvexProperties properties;

	PropertiesConvexConnectionDetails(ConvexProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable String url() {
		return this.properties.getUrl();
	}

	@Override
	public @Nullable String deployKey() {
		String key = this.properties.getDeployKey();
		return (key == null || key.isBlank()) ? null : key;
	}

}
