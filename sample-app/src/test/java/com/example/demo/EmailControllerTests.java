package com.example.demo;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.convexspring.test.AutoConfigureConvexStub;
import io.convexspring.test.ConvexStub;

import static io.convexspring.test.ConvexStubResponses.withConvexError;
import static io.convexspring.test.ConvexStubResponses.withTooManyRequests;
import static io.convexspring.test.ConvexStubResponses.withValue;
import static org.assertj.core.api.Assertions.assertThat;

@WebMvcTest(EmailController.class)
@AutoConfigureConvexStub                 // a local Convex stub, with convex.url pointing at it
class EmailControllerTests {

  static final String ADA = """
      {"to": "ada@example.com", "subject": "Welcome", "body": "Hello Ada"}
      """;

  @Autowired
  MockMvcTester mvc;

  @Autowired
  ConvexStub convex;

  @Test
  void sendsTheEmailThroughTheAction() {
    convex.expect(EmailController.SEND_EMAIL)
        .withArgs(new EmailController.SendEmail("ada@example.com", "Welcome", "Hello Ada"))
        .andRespond(withValue(new EmailController.EmailReceipt("msg_1", "sent", 1767225600000L)));

    assertThat(mvc.post().uri("/emails").contentType(MediaType.APPLICATION_JSON).content(ADA))
        .hasStatusOk()
        .bodyJson().extractingPath("$.id").isEqualTo("msg_1");
    convex.verify();
  }

  @Test
  void aConvexErrorIsTheCallersToFix() {
    convex.expect(EmailController.SEND_EMAIL)
        .andRespond(withConvexError(Map.of("code", "INVALID_EMAIL", "message", "Invalid email address")));

    assertThat(mvc.post().uri("/emails").contentType(MediaType.APPLICATION_JSON).content(ADA))
        .hasStatus(422)
        .bodyJson().extractingPath("$.code").isEqualTo("INVALID_EMAIL");
  }

  @Test
  void anOverloadedDeploymentIsServiceUnavailable() {
    convex.expect(EmailController.SEND_EMAIL).andRespond(withTooManyRequests());

    assertThat(mvc.post().uri("/emails").contentType(MediaType.APPLICATION_JSON).content(ADA))
        .hasStatus(503)
        .bodyJson().extractingPath("$.code").isEqualTo("TooManyConcurrentRequests");
  }

}
