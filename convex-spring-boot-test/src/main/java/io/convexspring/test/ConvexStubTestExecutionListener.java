package io.convexspring.test;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * After each test method of a context with a {@link ConvexStub} bean: resets the stub, and fails
 * the test if a call matched no expectation (the app may have swallowed the failure the client
 * saw). Registered in {@code META-INF/spring.factories}.
 */
final class ConvexStubTestExecutionListener extends AbstractTestExecutionListener {

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE - 100;
	}

	@Override
	public void afterTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		ConvexStub stub = context.getBeanProvider(ConvexStub.class).getIfUnique();
		if (stub == null) {
			return;
		}
		try {
			stub.verifyNoUnexpectedCalls();
		}
		finally {
			stub.reset();
		}
	}

}
