package io.convexspring.codec;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends an integral field ({@code long}, {@code Long}, {@code int}, {@code BigInteger}, or a
 * collection of them) as a Convex int64 ({@code $integer}) instead of the default float64.
 *
 * <pre class="code">
 * record Order(String sku, &#64;Int64 long quantity) { }
 * </pre>
 *
 * @see ConvexInt64
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
public @interface Int64 {

}
