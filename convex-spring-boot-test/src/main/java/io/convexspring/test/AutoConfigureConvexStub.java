package io.convexspring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Points a Spring test's Convex clients at a {@link ConvexStub}: starts one per application
 * context, sets {@code convex.url} to it, and makes it a bean to inject. Works with
 * {@code @SpringBootTest} and with slices such as {@code @WebMvcTest}, whose context it adds the
 * Convex auto-configuration to. After each test method the stub's expectations and calls are
 * reset, and the test fails if a call matched no expectation.
 *
 * <pre class="code">
 * &#64;WebMvcTest(EmailController.class)
 * &#64;AutoConfigureConvexStub
 * class EmailControllerTests {
 *
 *     &#64;Autowired
 *     ConvexStub convex;
 *     ...
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureConvexStub {

}
