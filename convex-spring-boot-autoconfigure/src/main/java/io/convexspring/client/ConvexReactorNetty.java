package io.convexspring.client;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import org.jspecify.annotations.Nullable;
import reactor.netty.Connection;
import reactor.netty.NettyPipeline;
import reactor.netty.http.client.HttpClient;

/**
 * What the transport adds to a Reactor Netty {@link HttpClient} so that a bad server cannot
 * break the next call on a pooled HTTP/1.1 connection: informational responses ({@code 103
 * Early Hints} and the like) are skipped rather than taken for the answer, and a connection
 * that receives bytes beyond the end of a response (a {@code Content-Length} shorter than the
 * body) or while no request is out is closed instead of going back to the pool.
 */
public final class ConvexReactorNetty {

	private static final String RAW_GUARD = "convex.rawInboundGuard";

	private static final String RESPONSE_GUARD = "convex.responseGuard";

	private ConvexReactorNetty() {
	}

	/**
	 * Adds the guards to every connection the client opens.
	 * @param httpClient the client
	 * @return the client with the guards
	 */
	public static HttpClient customize(HttpClient httpClient) {
		return httpClient.doOnConnected(ConvexReactorNetty::install);
	}

	private static void install(Connection connection) {
		ChannelPipeline pipeline = connection.channel().pipeline();
		// HTTP/1.1 only, once per connection: the handlers stay for the connection's life in the pool
		if (pipeline.get(NettyPipeline.HttpCodec) == null || pipeline.get(RESPONSE_GUARD) != null) {
			return;
		}
		Exchange exchange = new Exchange();
		pipeline.addBefore(NettyPipeline.HttpCodec, RAW_GUARD, new RawInboundGuard(exchange));
		pipeline.addAfter(NettyPipeline.HttpCodec, RESPONSE_GUARD, new ResponseGuard(exchange));
	}

	/** Where the connection stands in its current request; touched on its event loop only. */
	private static final class Exchange {

		boolean requestOut;

		boolean responseEnded;

		/** The raw bytes the decoder is reading now, while the raw guard passes them on. */
		@Nullable ByteBuf reading;

	}

	/** Sees the raw bytes before the HTTP decoder. */
	private static final class RawInboundGuard extends ChannelInboundHandlerAdapter {

		private final Exchange exchange;

		RawInboundGuard(Exchange exchange) {
			this.exchange = exchange;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (!(msg instanceof ByteBuf bytes)) {
				ctx.fireChannelRead(msg);
				return;
			}
			if (!this.exchange.requestOut) {
				// nothing was asked: these bytes would be read as the next call's response
				bytes.release();
				ctx.close();
				return;
			}
			this.exchange.responseEnded = false;
			this.exchange.reading = bytes;
			bytes.retain();
			try {
				ctx.fireChannelRead(bytes);
				// the decoder reads from this very buffer while it holds nothing else; what it
				// left unread after the response's end is more than the response announced
				if (this.exchange.responseEnded && bytes.refCnt() > 1 && bytes.isReadable()) {
					ctx.close();
				}
			}
			finally {
				this.exchange.reading = null;
				bytes.release();
			}
		}

	}

	/** Sees the decoded HTTP objects, and the requests going out. */
	private static final class ResponseGuard extends ChannelDuplexHandler {

		private final Exchange exchange;

		private boolean skippingInformational;

		ResponseGuard(Exchange exchange) {
			this.exchange = exchange;
		}

		@Override
		public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
			if (msg instanceof HttpRequest) {
				this.exchange.requestOut = true;
			}
			ctx.write(msg, promise);
		}

		/**
		 * Whether the bytes already read hold more than the response's {@code Content-Length}
		 * after its head: the decoder stops reading the buffer right after the head it decoded.
		 */
		private boolean announcesLessThanItSends(HttpResponse response) {
			ByteBuf reading = this.exchange.reading;
			long announced = HttpUtil.getContentLength(response, -1L);
			return reading != null && announced >= 0 && reading.readableBytes() > announced;
		}

		@Override
		public void channelRead(ChannelHandlerContext ctx, Object msg) {
			if (msg instanceof HttpResponse response) {
				int status = response.status().code();
				if (status >= 100 && status < 200 && status != 101) {
					// an interim response: the real one follows on the same connection
					this.skippingInformational = true;
				}
				else if (!this.exchange.requestOut) {
					ReferenceCountUtil.release(msg);
					ctx.close();
					return;
				}
				else if (announcesLessThanItSends(response)) {
					// known before the response goes on: the connection must not go back to the
					// pool, which it would as soon as the response ends, before a close after it
					response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
				}
			}
			if (this.skippingInformational) {
				if (msg instanceof LastHttpContent || !(msg instanceof HttpContent)) {
					this.skippingInformational = !(msg instanceof LastHttpContent);
				}
				ReferenceCountUtil.release(msg);
				return;
			}
			if (msg instanceof LastHttpContent) {
				this.exchange.requestOut = false;
				this.exchange.responseEnded = true;
			}
			else if (msg instanceof HttpObject && !this.exchange.requestOut) {
				ReferenceCountUtil.release(msg);
				ctx.close();
				return;
			}
			ctx.fireChannelRead(msg);
		}

	}

}
