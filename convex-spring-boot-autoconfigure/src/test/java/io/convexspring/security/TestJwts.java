package io.convexspring.security;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * An RSA key pair of the tests' own, the public half for a resource server's {@code JwtDecoder},
 * and JWTs signed with the private half (or with another key, which the decoder refuses).
 */
final class TestJwts {

	private final KeyPair keys = generate();

	private static KeyPair generate() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	RSAPublicKey publicKey() {
		return (RSAPublicKey) this.keys.getPublic();
	}

	/** A token for the subject, valid for an hour. */
	String token(String subject) {
		return sign(this.keys, subject);
	}

	/** A token the decoder refuses: signed with a key it does not know. */
	static String foreignToken(String subject) {
		return sign(generate(), subject);
	}

	private static String sign(KeyPair keys, String subject) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject)
			.issuer("https://issuer.example")
			.issueTime(new Date())
			.expirationTime(Date.from(Instant.now().plusSeconds(3600)))
			.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
		try {
			jwt.sign(new RSASSASigner(keys.getPrivate()));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

}
