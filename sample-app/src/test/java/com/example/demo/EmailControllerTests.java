package com.example.demo;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

import io.convexspring.client.ConvexActionClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;

@WebMvcTest(EmailController.class)
class EmailControllerTests {

  @Autowired
  MockMvcTester mvc;

  @MockitoBean
  ConvexActionClient actions;

  @Test
  void sendsTheEmailThroughTheAction() {
    given(actions.executeBlocking(EmailController.SEND_EMAIL,
        new EmailController.SendEmail("ada@example.com", "Welcome", "Hello Ada")))
      .willReturn(new EmailController.EmailReceipt("msg_1", "sent", 1767225600000L));

    assertThat(mvc.post().uri("/emails")
        .contentType(MediaType.APPLICATION_JSON)
        .content("""
            {"to": "ada@example.com", "subject": "Welcome", "body": "Hello Ada"}
            """))
      .hasStatusOk()
      .bodyJson().extractingPath("$.id").isEqualTo("msg_1");
  }

}
