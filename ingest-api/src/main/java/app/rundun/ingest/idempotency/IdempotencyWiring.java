package app.rundun.ingest.idempotency;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Claims keys after authentication has named the caller, whose organisation the key belongs to. */
@Configuration
class IdempotencyWiring implements WebMvcConfigurer {

  private final IdempotentPosts posts;

  IdempotencyWiring(IdempotentPosts posts) {
    this.posts = posts;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(posts).order(1);
  }
}
