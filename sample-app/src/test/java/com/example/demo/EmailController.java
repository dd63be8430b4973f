package com.example.demo;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import io.convexspring.client.ConvexAction;
import io.convexspring.client.ConvexActionClient;

@RestController
class EmailController {

  // the arguments and result of the Convex action emails:send
  record SendEmail(String to, String subject, String body) {}
  record EmailReceipt(String id, String status, long sentAt) {}

  // a reference to the action, made once
  static final ConvexAction<SendEmail, EmailReceipt> SEND_EMAIL =
      ConvexAction.of("emails:send", SendEmail.class, EmailReceipt.class);

  private final ConvexActionClient actions;

  EmailController(ConvexActionClient actions) {
    this.actions = actions;
  }

  @PostMapping("/emails")                        // Spring MVC (or virtual threads)
  EmailReceipt send(@RequestBody SendEmail email) {
    return actions.executeBlocking(SEND_EMAIL, email);
  }

  @PostMapping("/emails/reactive")               // WebFlux style: works in Spring MVC too
  Mono<EmailReceipt> sendReactive(@RequestBody SendEmail email) {
    return actions.execute(SEND_EMAIL, email);
  }

}
