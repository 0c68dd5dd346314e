package app.rundun.launcher;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver that accepts every connection and never answers: the worst an endpoint can do
 * to a dispatcher, since each attempt waits for the whole timeout.
 */
final class SilentEndpoint implements AutoCloseable {

  private final ServerSocket server;
  private final List<Socket> held = new CopyOnWriteArrayList<>();

  SilentEndpoint(InetAddress address) throws IOException {
    server = new ServerSocket(0, 1_000, address);
    Thread.ofVirtual()
        .start(() -> {
          try {
            while (true) {
              held.add(server.accept());
            }
          } catch (IOException closed) {
            // the measurement is over
          }
        });
  }

  /** Its URL, with {@code host} naming the address it listens on. */
  String url(String host) {
    return "http://" + host + ":" + server.getLocalPort() + "/hook";
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket socket : held) {
      socket.close();
    }
  }
}
