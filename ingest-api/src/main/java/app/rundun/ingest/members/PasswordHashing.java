package app.rundun.ingest.members;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/** Members' passwords are kept only as BCrypt hashes (Spring Security's encoder, cost 11). */
@Configuration
class PasswordHashing {

  @Bean
  BCryptPasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder(11);
  }
}
