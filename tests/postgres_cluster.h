#pragma once

// A throwaway PostgreSQL server for the tests of the history store: Debian's initdb and pg_ctl, a cluster in a
// temporary folder listening on a Unix socket there alone (no TCP), a password for its one user. PostgreSQL refuses
// to run as root, so under root (as CI runs) the server runs as the unprivileged user "nobody", through runuser.

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QTemporaryDir>

#include <pwd.h>
#include <unistd.h>

namespace pyrometer::test {

class PostgresCluster
{
public:
    /// Starts the server; error() says why when it could not.
    PostgresCluster()
    {
        m_bin = binaries();
        if (m_bin.isEmpty()) {
            m_error = QStringLiteral("initdb not found in /usr/lib/postgresql/*/bin: install Debian's postgresql");
            return;
        }
        if (!m_dir.isValid()) {
            m_error = QStringLiteral("no temporary folder");
            return;
        }
        m_dir.setAutoRemove(true);
        if (::geteuid() == 0) {
            const passwd* nobody = ::getpwnam("nobody");
            if (!nobody || ::chown(m_dir.path().toLocal8Bit().constData(), nobody->pw_uid, nobody->pw_gid) != 0) {
                m_error = QStringLiteral("cannot give the cluster's folder to the user nobody");
                return;
            }
            m_asNobody = true;
        }
        QFile password(m_dir.filePath(QStringLiteral("password")));
        if (!password.open(QIODevice::WriteOnly) || password.write("s3cret\n") < 0) {
            m_error = QStringLiteral("cannot write the password file");
            return;
        }
        password.close();
        password.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther);
        if (!run(QStringLiteral("initdb"),
                { QStringLiteral("-D"), data(), QStringLiteral("-U"), QStringLiteral("pyrometer"),
                    QStringLiteral("--pwfile"), password.fileName(), QStringLiteral("--auth"),
                    QStringLiteral("scram-sha-256"), QStringLiteral("--locale"), QStringLiteral("C"),
                    QStringLiteral("-E"), QStringLiteral("UTF8") }))
            return;
        m_port = 20000 + int(::getpid() % 20000);
        if (!run(QStringLiteral("pg_ctl"),
                { QStringLiteral("-D"), data(), QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"),
                    QStringLiteral("-k %1 -p %2 -c listen_addresses=''").arg(m_dir.path()).arg(m_port),
                    QStringLiteral("start") }))
            return;
        m_running = true;
    }

    ~PostgresCluster()
    {
        if (m_running)
            run(QStringLiteral("pg_ctl"),
                { QStringLiteral("-D"), data(), QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("-w"),
                    QStringLiteral("stop") });
    }
    PostgresCluster(const PostgresCluster&) = delete;
    PostgresCluster& operator=(const PostgresCluster&) = delete;

    bool running() const { return m_running; }
    QString error() const { return m_error; }

    /// The URI of database `database` (made by createDatabase) with the right password, or another one.
    QString uri(const QString& database, const QString& password = QStringLiteral("s3cret")) const
    {
        return QStringLiteral("postgresql://pyrometer:%1@/%2?host=%3&port=%4")
            .arg(password, database, m_dir.path())
            .arg(m_port);
    }

    /// Makes an empty database for one test.
    bool createDatabase(const QString& name)
    {
        return execute(uri(QStringLiteral("postgres")), QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
    }

    /// Runs `sql` in the database at `uri` with psql.
    bool execute(const QString& uri, const QString& sql)
    {
        QProcess psql;
        psql.setProgram(m_bin + QStringLiteral("/psql"));
        psql.setArguments({ uri, QStringLiteral("-qc"), sql });
        psql.start();
        return psql.waitForFinished(60000) && psql.exitCode() == 0;
    }

private:
    static QString binaries()
    {
        QDir root(QStringLiteral("/usr/lib/postgresql"));
        auto versions = root.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
        for (auto it = versions.crbegin(); it != versions.crend(); ++it)
            if (QFile::exists(root.filePath(*it + QStringLiteral("/bin/initdb"))))
                return root.filePath(*it + QStringLiteral("/bin"));
        return {};
    }

    QString data() const { return m_dir.filePath(QStringLiteral("data")); }

    bool run(const QString& tool, const QStringList& arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        if (m_asNobody) {
            process.setProgram(QStringLiteral("runuser"));
            process.setArguments(QStringList { QStringLiteral("-u"), QStringLiteral("nobody"), QStringLiteral("--"),
                                     m_bin + QLatin1Char('/') + tool }
                + arguments);
        } else {
            process.setProgram(m_bin + QLatin1Char('/') + tool);
            process.setArguments(arguments);
        }
        process.setWorkingDirectory(m_dir.path());
        process.start();
        if (!process.waitForFinished(120000) || process.exitCode() != 0) {
            m_error = tool + QStringLiteral(" failed: ") + QString::fromLocal8Bit(process.readAll()).right(600);
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    QString m_bin;
    QString m_error;
    bool m_asNobody = false;
    bool m_running = false;
    int m_port = 0;
};

} // namespace pyrometer::test
