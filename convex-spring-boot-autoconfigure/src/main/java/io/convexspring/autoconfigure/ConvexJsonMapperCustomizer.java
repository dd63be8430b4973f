package io.convexspring.autoconfigure;

import tools.jackson.databind.json.JsonMapper;

import io.convexspring.codec.ConvexCodec;

/**
 * Adjusts the {@link JsonMapper} the Convex codec starts from: register modules and mix-ins
 * for your argument and result types here. The codec does not use the application's own
 * mapper, so {@code spring.jackson.*} and Boot's {@code JsonMapperBuilderCustomizer} beans do
 * not reach the wire; the codec's own settings ({@link ConvexCodec#create(JsonMapper)}) apply
 * after these. Declare beans of this type; they apply in {@code @Order}.
 */
@FunctionalInterface
public interface ConvexJsonMapperCustomizer {

	/**
	 * Customizes the builder.
	 * @param builder the builder of the codec's mapper
	 */
	void customize(JsonMapper.Builder builder);

}
