<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="hi">
<context>
    <name>ErrorText</name>
    <message>
        <source>The email or password is wrong. Check both and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is waiting for an administrator&apos;s approval. You can sign in once it is approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account is disabled. Please contact your help desk administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Too many failed sign-ins. Please wait %n minute(s) and try again.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Your session has ended. Please sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please sign in first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are not allowed to do this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An account with this email address already exists. Sign in, or use another address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some fields are not filled in correctly; see the notes next to them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This app and the server speak different protocol versions. Please update the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The connection to the server was lost. It is being restored; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected to the server. Check the server address and that the server is running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server did not answer in time. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate is not trusted yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server&apos;s certificate changed. The connection was refused for your safety.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not do this right now. Try again later or contact your administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong (%1). Try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Does not match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too easy to guess.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This was changed in the meantime, or does not fit its current state. Refresh and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This item does not exist, or you cannot see it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket cannot move to that state from where it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large; the server accepts files up to %1 MB.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is too large for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the code from your authenticator app, or one of your recovery codes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your administrator requires two-factor sign-in. Set it up before you continue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be sent: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr-desk</name>
    <message>
        <source>Customer Care Registry desktop app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server to connect to, as host:port.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a server address: %1 (use host:port).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::AccountPage</name>
    <message>
        <source>Customer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are signed out on this computer, but the server could not be told: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Welcome, %1&lt;/h2&gt;&lt;p&gt;Signed in as &lt;b&gt;%2&lt;/b&gt; (%3).&lt;/p&gt;&lt;p&gt;Signed in at: %4&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::CustomerWindow</name>
    <message>
        <source>All tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for my answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New ticket…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search my tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search my tickets…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>My tickets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your tickets could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1 was created. We will write to you as it progresses.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n ticket(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n found</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Not connected</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n+ found (the most recent matches)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ccr::app::DeskWindow</name>
    <message>
        <source>Customer Care Registry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connected to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trust this server?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the first connection to %1 (port %2). Its certificate is not signed by an authority your computer knows.

Compare this fingerprint with the one your administrator gave you (the server prints it at start):

%3

Trust this server from now on?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: the server&apos;s certificate was not trusted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connection refused: the server&apos;s certificate changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server certificate changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate of %1 (port %2) is not the one you trusted before.

Trusted: %3
Now:     %4

Someone may be intercepting the connection, or the server&apos;s certificate was replaced. The connection was refused.

Only if your administrator confirmed the new fingerprint above, trust it. Trust the new certificate?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::DownloadJob</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server sent the file out of order.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file arrived damaged (checksum mismatch); nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::DraftStore</name>
    <message>
        <source>Cannot read the drafts file %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The drafts file %1 is damaged and cannot be moved aside.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot create the folder %1 for drafts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot save drafts in %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::GeneralSettingsPage</name>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, port %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and use another &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language is used from the next start of the app.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::NewTicketDialog</name>
    <message>
        <source>Add &amp;files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Send ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened, what you expected, order numbers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Category:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Priority:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Files:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The categories could not be loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: your text stays here until you can send it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::NotificationSettingsPage</name>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email me when:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password, sign-in and security emails are always sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my account is created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a ticket of mine is received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agent takes on my ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is a new reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my ticket is resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my ticket is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone asks to become an admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>my admin request is decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>an agent account is created for me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::PasswordResetDialog</name>
    <message>
        <source>&amp;Email me a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Set new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forgot your password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>We email you a 6-digit code that is valid for 15 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>If an account uses %1, a code is on its way. Check your inbox.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::PasswordSettingsPage</name>
    <message>
        <source>&amp;Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;urrent password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed. Other devices were signed out.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::QrCodeWidget</name>
    <message>
        <source>QR code for the authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan this code with the authenticator app on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code is too long to show as a QR code. Enter the secret in your authenticator app by hand instead.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::RatingDialog</name>
    <message>
        <source>&amp;Send rating</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate the resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stars</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n star(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What went well, what could be better (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How did we do?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Comment:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose from 1 to 5 stars.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::RegisterDialog</name>
    <message>
        <source>I run this help desk: ask to become an &amp;admin</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password &amp;again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At least 10 characters; a few unrelated words are easy to remember.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your request to become an admin was sent. You can sign in once an admin of this help desk approves it; you will get an email.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your account is ready: sign in with your new password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::SessionKeeper</name>
    <message>
        <source>The keychain did not answer in time, so your session cannot be kept. You will have to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Access to the keychain was refused, so your session cannot be kept. You will have to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The keychain could not remove the kept session. You can remove the entry &quot;%1&quot; in your system&apos;s keychain manager.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no keychain to keep your session in, so you will have to sign in again next time.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Two-factor sign-in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::SignInPage</name>
    <message>
        <source>&amp;Connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;Customer Care Registry&lt;/h2&gt;&lt;p&gt;Sign in to raise and follow your tickets.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the server&apos;s address, for example helpdesk.example.com.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Create an &amp;account…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forgot your password?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6-digit code from your app, or a recovery code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is on for this account: enter the code your authenticator app shows (or one of your recovery codes).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password was changed. Sign in with the new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep me signed in on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session is kept in your system&apos;s keychain, never in a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep me signed in (not available: no keychain on this computer)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::TicketListModel</name>
    <message>
        <source>Not assigned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updated since you last looked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated since you last looked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Agent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last update</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::TicketView</name>
    <message>
        <source>Attach f&amp;iles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send &amp;reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It is solved: &amp;close the ticket</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ra&amp;te the resolution…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What happened</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Conversation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reply…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a ticket to see it here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not assigned yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;%1 · %2&lt;/h3&gt;&lt;p&gt;&lt;b&gt;%3&lt;/b&gt; · %4 · priority %5 · agent: %6&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Your rating: %1 of 5 %2&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticket %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Solved? Confirm it below. Not solved? Write a reply: it reopens the ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This ticket is closed. Raise a new ticket if the problem comes back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The agent is waiting for your answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How it was resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save attachment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be saved: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reply was not sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the ticket?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this ticket as solved? A closed ticket cannot be reopened; for a new problem raise a new ticket.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket is closed. Thank you!</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ticket was not closed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you for your rating.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not connected: your reply stays here until you can send it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change your ra&amp;ting…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::TransferProgressBar</name>
    <message>
        <source>Transfer progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending %1: %p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receiving %1: %p%</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::TwoFactorSettingsPage</name>
    <message>
        <source>&amp;Turn on two-factor sign-in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Turn &amp;off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secret key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Code from the app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recovery codes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With two-factor sign-in, signing in also needs a code from an authenticator app on your phone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1. Scan this code with your authenticator app:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or type this key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2. &amp;Code the app shows:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is on. Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are shown only now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two-factor sign-in is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This help desk requires it for your account.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ccr::app::UploadJob</name>
    <message>
        <source>Cannot read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 changed while it was being sent.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
