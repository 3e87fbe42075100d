package io.hsmgate.proxy.internal;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.common.signature.BuiltinSignatures;
import org.apache.sshd.common.signature.Signature;
import org.apache.sshd.common.signature.SignatureECDSA;
import org.apache.sshd.common.signature.SignatureRSASHA256;
import org.apache.sshd.common.signature.SignatureRSASHA512;
import org.apache.sshd.server.ServerBuilder;

/**
 * MINA SSHD's signature factories with one change: signing gets its java.security.Signature from the JCA's
 * delayed provider selection, which sends an HSM key to the hsmgate provider. MINA's own lookup may name a
 * provider (BouncyCastle, when its registrar is enabled) that cannot use an HSM key. Verifying client
 * signatures is left to MINA. SHA-1 "ssh-rsa" is left out: the HSM provider does not sign with SHA-1.
 */
final class HsmRoutedSignatures {

    private static final Map<String, Supplier<Signature>> ROUTED = Map.of(
            BuiltinSignatures.rsaSHA512.getName(), () -> new SignatureRSASHA512() {
                @Override
                protected java.security.Signature doInitSignature(SessionContext session, String algorithm, Key key,
                        boolean forSigning) throws GeneralSecurityException {
                    return forSigning ? jcaSigner(algorithm, key) : super.doInitSignature(session, algorithm, key, false);
                }
            },
            BuiltinSignatures.rsaSHA256.getName(), () -> new SignatureRSASHA256() {
                @Override
                protected java.security.Signature doInitSignature(SessionContext session, String algorithm, Key key,
                        boolean forSigning) throws GeneralSecurityException {
                    return forSigning ? jcaSigner(algorithm, key) : super.doInitSignature(session, algorithm, key, false);
                }
            },
            BuiltinSignatures.nistp256.getName(), () -> new SignatureECDSA.SignatureECDSA256() {
                @Override
                protected java.security.Signature doInitSignature(SessionContext session, String algorithm, Key key,
                        boolean forSigning) throws GeneralSecurityException {
                    return forSigning ? jcaSigner(algorithm, key) : super.doInitSignature(session, algorithm, key, false);
                }
            },
            BuiltinSignatures.nistp384.getName(), () -> new SignatureECDSA.SignatureECDSA384() {
                @Override
                protected java.security.Signature doInitSignature(SessionContext session, String algorithm, Key key,
                        boolean forSigning) throws GeneralSecurityException {
                    return forSigning ? jcaSigner(algorithm, key) : super.doInitSignature(session, algorithm, key, false);
                }
            },
            BuiltinSignatures.nistp521.getName(), () -> new SignatureECDSA.SignatureECDSA521() {
                @Override
                protected java.security.Signature doInitSignature(SessionContext session, String algorithm, Key key,
                        boolean forSigning) throws GeneralSecurityException {
                    return forSigning ? jcaSigner(algorithm, key) : super.doInitSignature(session, algorithm, key, false);
                }
            });

    private HsmRoutedSignatures() {
    }

    /** @return MINA's default server signature factories, signing routed, without SHA-1 RSA */
    static List<NamedFactory<Signature>> factories() {
        List<NamedFactory<Signature>> factories = new ArrayList<>();
        for (NamedFactory<Signature> builtin : ServerBuilder.setUpDefaultSignatureFactories(true)) {
            Supplier<Signature> routed = ROUTED.get(builtin.getName());
            if (routed != null) {
                factories.add(new Routed(builtin.getName(), routed));
            } else if (!BuiltinSignatures.rsa.getName().equals(builtin.getName())) {
                factories.add(builtin);
            }
        }
        return factories;
    }

    static java.security.Signature jcaSigner(String algorithm, Key key) throws GeneralSecurityException {
        java.security.Signature signature = java.security.Signature.getInstance(algorithm);
        signature.initSign((PrivateKey) key);
        return signature;
    }

    private record Routed(String name, Supplier<Signature> supplier) implements NamedFactory<Signature> {
        @Override
        public String getName() {
            return name;
        }

        @Override
        public Signature create() {
            return supplier.get();
        }
    }
}
