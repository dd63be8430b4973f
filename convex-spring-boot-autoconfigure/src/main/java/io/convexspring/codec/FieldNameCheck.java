package io.convexspring.codec;

import java.util.List;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ser.BeanPropertyWriter;
import tools.jackson.databind.ser.ValueSerializerModifier;

/**
 * Checks the property names of records and beans once, when Jackson builds their serializer,
 * so a {@code $}-prefixed or control-character name is refused before any request is sent.
 */
final class FieldNameCheck extends ValueSerializerModifier {

	@Override
	public List<BeanPropertyWriter> changeProperties(SerializationConfig config, BeanDescription.Supplier beanDesc,
			List<BeanPropertyWriter> beanProperties) {
		for (BeanPropertyWriter property : beanProperties) {
			String problem = FieldNames.problem(property.getName());
			if (problem != null) {
				throw new IllegalArgumentException(
						problem + " (property of " + beanDesc.getBeanClass().getName() + ")");
			}
		}
		return beanProperties;
	}

}
