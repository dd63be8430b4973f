package io.convexspring.sample.image;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.sample.ConvexFunctions;

/**
 * {@code POST /api/images}: runs the {@code ai:generateImage} action and answers the image.
 */
@RestController
class ImageController {

	private final ConvexActionClient actions;

	ImageController(ConvexActionClient actions) {
		this.actions = actions;
	}

	@PostMapping("/api/images")
	GeneratedImage generate(@Valid @RequestBody GenerateImage request) {
		return this.actions.executeBlocking(ConvexFunctions.GENERATE_IMAGE, request);
	}

}
