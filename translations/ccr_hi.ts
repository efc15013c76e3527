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
