package io.convexspring.sample.image;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.convexspring.client.ConvexActionClient;
import io.convexspring.sample.api.Ai;
import io.convexspring.sample.api.Api;

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
		// the size is one of the literals: @Pattern checked it, so of() finds its constant
		Ai.GenerateImageArgs args = new Ai.GenerateImageArgs(request.prompt(),
				(request.size() != null) ? Ai.GenerateImageArgs.Size.of(request.size()) : null);
		return GeneratedImage.of(this.actions.executeBlocking(Api.ai.generateImage, args));
	}

}
