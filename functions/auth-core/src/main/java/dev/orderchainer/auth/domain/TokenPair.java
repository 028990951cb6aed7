package dev.orderchainer.auth.domain;

/** The OAuth2-style answer of the token and refresh endpoints. */
public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken, long refreshExpiresIn) {}
