package app.rundun.ingest.media;

import app.rundun.contracts.errors.ApiException;
import app.rundun.contracts.errors.ErrorCode;
import app.rundun.ingest.IngestProperties;
import java.net.URI;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Photos in an S3-compatible object store, shared by every API instance. The API's own signed URL
 * stays the one in a run; following it redirects to a presigned GET of a few minutes.
 */
@Component
@ConditionalOnProperty(name = "rundun.media-store", havingValue = "s3")
class S3MediaStorage implements MediaStorage, DisposableBean {

  private final S3Client client;
  private final S3Presigner presigner;
  private final IngestProperties.S3 settings;

  S3MediaStorage(IngestProperties properties) {
    this.settings = properties.s3();
    Region region = Region.of(settings.region());
    AwsCredentialsProvider credentials =
        settings.accessKey() == null || settings.accessKey().isBlank()
            ? DefaultCredentialsProvider.builder().build()
            : StaticCredentialsProvider.create(
                AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
    S3Configuration addressing =
        S3Configuration.builder().pathStyleAccessEnabled(settings.pathStyle()).build();
    var clientBuilder =
        S3Client.builder()
            // Checksums only where S3 requires them: many S3-compatible stores reject the newer
            // trailing checksums the SDK would otherwise add to every upload.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(addressing);
    var presignerBuilder =
        S3Presigner.builder()
            .region(region)
            .credentialsProvider(credentials)
            .serviceConfiguration(addressing);
    if (settings.endpoint() != null && !settings.endpoint().isBlank()) {
      clientBuilder.endpointOverride(URI.create(settings.endpoint()));
      presignerBuilder.endpointOverride(URI.create(settings.endpoint()));
    }
    this.client = clientBuilder.build();
    this.presigner = presignerBuilder.build();
    ensureBucket();
  }

  /** Creates the bucket on first start where it is missing; in production it usually exists. */
  private void ensureBucket() {
    try {
      client.headBucket(b -> b.bucket(settings.bucket()));
    } catch (NoSuchBucketException e) {
      client.createBucket(b -> b.bucket(settings.bucket()));
    }
  }

  @Override
  public void put(String key, byte[] bytes) {
    store(() ->
        client.putObject(
            b -> b.bucket(settings.bucket()).key(key).contentType(Photos.contentTypeOf(key)),
            RequestBody.fromBytes(bytes)));
  }

  @Override
  public Optional<byte[]> get(String key) {
    return store(() -> {
      try {
        return Optional.of(
            client.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key)).asByteArray());
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
    });
  }

  @Override
  public boolean exists(String key) {
    return store(() -> {
      try {
        client.headObject(b -> b.bucket(settings.bucket()).key(key));
        return true;
      } catch (NoSuchKeyException e) {
        return false;
      }
    });
  }

  @Override
  public Optional<URI> directUrl(String key) {
    var presigned =
        presigner.presignGetObject(p ->
            p.signatureDuration(settings.presignTtl())
                .getObjectRequest(b ->
                    b.bucket(settings.bucket())
                        .key(key)
                        .responseContentType(Photos.contentTypeOf(key))
                        .responseContentDisposition(Photos.contentDispositionOf(key))));
    return Optional.of(URI.create(presigned.url().toString()));
  }

  /** A store that cannot be reached is a 503 to retry, not an error of ours. */
  private static <T> T store(Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new ApiException(
          ErrorCode.UNAVAILABLE, "Photo storage cannot be reached right now; retry shortly.", null);
    }
  }

  @Override
  public void destroy() {
    presigner.close();
    client.close();
  }
}
