package io.tributary.projections.notification;

import com.mongodb.client.MongoDatabase;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The notifications' collections live in the views' database; the SMTP settings and session are Spring Boot's. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationsConfig {

    @Bean
    RecipientDirectory recipientDirectory(MongoDatabase viewDatabase) {
        return new RecipientDirectory(new VersionedDocuments(viewDatabase.getCollection(RecipientDirectory.COLLECTION)));
    }

    @Bean
    PlacedOrders placedOrders(MongoDatabase viewDatabase) {
        return new PlacedOrders(new VersionedDocuments(viewDatabase.getCollection(PlacedOrders.COLLECTION)));
    }

    @Bean
    Notifier notifier(MongoDatabase viewDatabase, JavaMailSenderImpl mailSender, NotificationProperties properties) {
        return new Notifier(new NotificationLog(viewDatabase.getCollection(NotificationLog.COLLECTION)),
                new MailDelivery(mailSender, properties), properties.mailsPerLogWrite());
    }

    @Bean
    WelcomeNotifications welcomeNotifications(RecipientDirectory recipientDirectory, Notifier notifier) {
        return new WelcomeNotifications(recipientDirectory, notifier);
    }

    @Bean
    OrderNotifications orderNotifications(PlacedOrders placedOrders, RecipientDirectory recipientDirectory,
                                          Notifier notifier) {
        return new OrderNotifications(placedOrders, recipientDirectory, notifier);
    }
}
