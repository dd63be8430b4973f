package io.convexspring.state;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;

/**
 * Collects what the handles log, at every level, whatever the test logging configuration.
 */
final class LogEvents implements BeforeEachCallback, AfterEachCallback {

	private final Logger logger = (Logger) LoggerFactory.getLogger(ConvexActionHandle.class);

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private Level previousLevel;

	@Override
	public void beforeEach(ExtensionContext context) {
		this.previousLevel = this.logger.getLevel();
		this.logger.setLevel(Level.DEBUG);
		this.appender.list.clear();
		this.appender.start();
		this.logger.addAppender(this.appender);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		this.logger.detachAppender(this.appender);
		this.appender.stop();
		this.logger.setLevel(this.previousLevel);
	}

	List<ILoggingEvent> events() {
		synchronized (this.appender.list) {
			return List.copyOf(this.appender.list);
		}
	}

	List<String> lines(Level level) {
		return events().stream().filter((event) -> event.getLevel() == level).map(ILoggingEvent::getFormattedMessage)
			.toList();
	}

}
