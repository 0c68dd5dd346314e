package app.rundun.ingest.reports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Signs a report as a detached CMS (PKCS#7) signature, the form PDF readers and Poppler's {@code
 * pdfsig} check, with the key and certificate of the configured key store.
 */
final class ReportSigner implements SignatureInterface {

  private static final Logger log = LoggerFactory.getLogger(ReportSigner.class);
  private static final String ALGORITHM = "SHA256withRSA";

  private final PrivateKey key;
  private final X509Certificate certificate;

  private ReportSigner(PrivateKey key, X509Certificate certificate) {
    this.key = key;
    this.certificate = certificate;
  }

  static ReportSigner from(ReportProperties properties, Clock clock) {
    try {
      if (properties.keystore() == null) {
        log.warn(
            "rundun.reports.keystore is not set: reports are signed by a key made now, which no one"
                + " can check them against after a restart");
        return selfSigned(clock);
      }
      char[] password =
          properties.keystorePassword() == null
              ? new char[0]
              : properties.keystorePassword().toCharArray();
      if (!Files.exists(properties.keystore())) {
        log.warn(
            "{} does not exist: made a self-signed key there. Reports others must trust need a"
                + " key issued by a certificate authority",
            properties.keystore());
        selfSigned(clock).save(properties.keystore(), password);
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(properties.keystore())) {
        store.load(in, password);
      }
      for (String alias : Collections.list(store.aliases())) {
        if (store.isKeyEntry(alias)) {
          return new ReportSigner(
              (PrivateKey) store.getKey(alias, password),
              (X509Certificate) store.getCertificate(alias));
        }
      }
      throw new IllegalStateException(properties.keystore() + " holds no private key");
    } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
      throw new IllegalStateException("The report signing key could not be loaded", e);
    }
  }

  /** Keeps this key and certificate as a PKCS#12 file only its owner can read. */
  private void save(Path file, char[] password) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry("rundun-reports", key, password, new Certificate[] {certificate});
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream out = Files.newOutputStream(partial)) {
      store.store(out, password);
    }
    if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      Files.setPosixFilePermissions(partial, PosixFilePermissions.fromString("rw-------"));
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Who signs, as the report says it and a PDF reader shows it. */
  String signerName() {
    return certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
  }

  @Override
  public byte[] sign(InputStream content) throws IOException {
    try {
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
              .build(new JcaContentSignerBuilder(ALGORITHM).build(key), certificate));
      generator.addCertificates(new JcaCertStore(List.of(certificate)));
      return generator.generate(new Streamed(content), false).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException("The report could not be signed", e);
    }
  }

  private static ReportSigner selfSigned(Clock clock)
      throws GeneralSecurityException, OperatorCreationException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(3072);
    KeyPair pair = generator.generateKeyPair();
    X500Principal name = new X500Principal("CN=Rundun reports (not configured), O=Rundun");
    Instant now = clock.instant();
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(
                new JcaX509v3CertificateBuilder(
                        name,
                        BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minus(Duration.ofMinutes(5))),
                        Date.from(now.plus(Duration.ofDays(365))),
                        name,
                        pair.getPublic())
                    .build(new JcaContentSignerBuilder(ALGORITHM).build(pair.getPrivate())));
    return new ReportSigner(pair.getPrivate(), certificate);
  }

  /** The bytes to sign, read once as the signature is made: never all held at once. */
  private record Streamed(InputStream in) implements CMSTypedData {

    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      in.transferTo(out);
    }

    @Override
    public Object getContent() {
      return in;
    }
  }
}
