package io.tributary.projections;

import org.eclipse.angus.mail.util.MailStreamProvider;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class ProjectionsApplication {

    /** Names Jakarta Mail's stream provider, which it otherwise looks up with a ServiceLoader scan for every mail part. */
    static final String MAIL_STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        if (System.getProperty(MAIL_STREAM_PROVIDER) == null) {
            System.setProperty(MAIL_STREAM_PROVIDER, MailStreamProvider.class.getName());
        }
        SpringApplication.run(ProjectionsApplication.class, args);
    }
}
