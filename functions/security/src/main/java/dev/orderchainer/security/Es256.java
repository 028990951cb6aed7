package dev.orderchainer.security;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * ES256 (ECDSA on P-256 with SHA-256, RFC 7518 3.4) with the JDK alone: the signature is the 64-byte R || S the
 * JWS format uses (the JDK's P1363 form), keys are a JWK's base64url coordinates. Verifying needs no library beyond
 * the JDK, so a function that only checks tokens loads a few classes for it.
 */
public final class Es256 {
    public static final String ALGORITHM = "ES256";
    public static final String CURVE = "P-256";
    static final int COORDINATE_BYTES = 32;
    private static final String SIGNATURE = "SHA256withECDSAinP1363Format";
    /** The DER SubjectPublicKeyInfo of a P-256 key up to its uncompressed point (0x04 || x || y). */
    private static final byte[] SPKI_PREFIX = HexFormat.of().parseHex("3059301306072a8648ce3d020106082a8648ce3d030107034200");
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private Es256() {}

    /** A public key from a JWK's x and y. */
    public static PublicKey publicKey(String x, String y) throws GeneralSecurityException {
        byte[] point = new byte[SPKI_PREFIX.length + 1 + 2 * COORDINATE_BYTES];
        System.arraycopy(SPKI_PREFIX, 0, point, 0, SPKI_PREFIX.length);
        point[SPKI_PREFIX.length] = 4;
        System.arraycopy(coordinate(x), 0, point, SPKI_PREFIX.length + 1, COORDINATE_BYTES);
        System.arraycopy(coordinate(y), 0, point, SPKI_PREFIX.length + 1 + COORDINATE_BYTES, COORDINATE_BYTES);
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(point));
    }

    /** A private key from a JWK's d. */
    public static PrivateKey privateKey(String d) throws GeneralSecurityException {
        return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(new BigInteger(1, coordinate(d)), curve()));
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot make P-256 keys", e);
        }
    }

    /** The JWK members x and y of a public key (base64url, 32 bytes each). */
    public static String[] coordinates(PublicKey key) {
        ECPublicKey ec = (ECPublicKey) key;
        return new String[] {encode(ec.getW().getAffineX()), encode(ec.getW().getAffineY())};
    }

    /** The JWK member d of a private key. */
    public static String secretScalar(PrivateKey key) {
        return encode(((ECPrivateKey) key).getS());
    }

    public static byte[] sign(PrivateKey key, byte[] input) {
        try {
            Signature signature = Signature.getInstance(SIGNATURE);
            signature.initSign(key);
            signature.update(input);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with ES256", e);
        }
    }

    /** False for any signature that is not exactly 64 bytes or does not verify (never an exception). */
    public static boolean verify(PublicKey key, byte[] input, byte[] signature) {
        if (signature.length != 2 * COORDINATE_BYTES) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(SIGNATURE);
            verifier.initVerify(key);
            verifier.update(input);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static ECParameterSpec curve() throws GeneralSecurityException {
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec("secp256r1"));
        return parameters.getParameterSpec(ECParameterSpec.class);
    }

    private static byte[] coordinate(String base64Url) throws GeneralSecurityException {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(base64Url);
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not base64url");
        }
        if (bytes.length != COORDINATE_BYTES) {
            throw new GeneralSecurityException("a P-256 coordinate is 32 bytes, got " + bytes.length);
        }
        return bytes;
    }

    private static String encode(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] fixed = new byte[COORDINATE_BYTES];
        int length = Math.min(raw.length, COORDINATE_BYTES);
        System.arraycopy(raw, raw.length - length, fixed, COORDINATE_BYTES - length, length);
        return BASE64URL.encodeToString(fixed);
    }

}
