package io.tributary.devstack;

import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.mail.MovingMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.internet.MimeMessage;

/**
 * The mailbox of every recipient of the local SMTP server: a delivery is printed to the server's log, and nothing is
 * stored. Only delivery is used; the server offers no login, so the rest is never called.
 */
final class PrintingMailbox implements GreenMailUser {

    private final MailAddress address;

    PrintingMailbox(MailAddress address) {
        this.address = address;
    }

    @Override
    public void deliver(MovingMessage message) {
        SmtpServerMain.print(message);
    }

    @Override
    public void deliver(MimeMessage message) {
        throw new UnsupportedOperationException("delivered over SMTP only");
    }

    @Override
    public String getEmail() {
        return address.getEmail();
    }

    @Override
    public String getLogin() {
        return address.getEmail();
    }

    @Override
    public void create() {
        // Nothing to create: nothing is stored.
    }

    @Override
    public void delete() {
        // Nothing to delete: nothing is stored.
    }

    @Override
    public String getPassword() {
        return null;
    }

    @Override
    public void setPassword(String password) {
        throw new UnsupportedOperationException("no login");
    }

    @Override
    public void authenticate(String password) {
        throw new UnsupportedOperationException("no login");
    }

    @Override
    public String getQualifiedMailboxName() {
        return address.getEmail();
    }
}
