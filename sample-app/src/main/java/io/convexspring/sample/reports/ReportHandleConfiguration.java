package io.convexspring.sample.reports;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.web.context.annotation.SessionScope;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.sample.ConvexFunctions;
import io.convexspring.sample.api.Reports;
import io.convexspring.state.ActionLogging;
import io.convexspring.state.ActionOptions;
import io.convexspring.state.ConvexActionHandle;

/**
 * The report handle, one per browser session. A handle holds one user's state: their pending
 * report, their last result, their last error. A single shared handle would show one person's
 * report (or failure) to everyone and let anyone's new report replace it; a handle per request
 * would forget the report as soon as the request that started it returned. The session is what
 * the page already has (its cookie), and the handle goes away with it.
 */
@Configuration(proxyBeanMethods = false)
class ReportHandleConfiguration {

	/**
	 * Not proxied ({@code ScopedProxyMode.NO}): the controller looks the handle up per request
	 * through an {@code ObjectProvider}, then keeps the real object, which its state stream
	 * needs once the request thread has moved on.
	 */
	@Bean
	@SessionScope(proxyMode = ScopedProxyMode.NO)
	ConvexActionHandle<GenerateReport, Reports.GenerateResult> reportHandle(ConvexActionClient actions) {
		return actions.action(ConvexFunctions.GENERATE_REPORT,
				ActionOptions.forAction(ConvexFunctions.GENERATE_REPORT).logging(ActionLogging.INFO));
	}

}
