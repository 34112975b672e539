#include "core/formats/file_output.h"

#include "core/model/error.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <stdexcept>
#include <sys/stat.h>
#include <unistd.h>

namespace pyrometer {
namespace fs = std::filesystem;

namespace {
std::filesystem::path directoryOf(const fs::path& path)
{
    const auto parent = path.parent_path();
    return parent.empty() ? fs::path(".") : parent;
}
} // namespace

void checkWritable(const fs::path& path)
{
    const auto fail
        = [&](const std::string& why) { throw InputError("export path not writable: " + path.string() + ": " + why); };
    std::error_code ec;
    const auto dir = directoryOf(path);
    if (!fs::is_directory(dir, ec))
        fail("no such directory");
    const auto status = fs::status(path, ec);
    if (fs::is_directory(status))
        fail("is a directory");
    // Permission bits do not tell (root passes every access() check, /proc refuses new files): try it.
    std::string probe = (dir / ".pyrometer-probe.XXXXXX").string();
    const int fd = ::mkostemp(probe.data(), O_CLOEXEC);
    if (fd < 0)
        fail(std::strerror(errno));
    ::close(fd);
    ::unlink(probe.c_str());
    if (fs::exists(status)) {
        const int existing = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
        if (existing < 0)
            fail(std::strerror(errno));
        ::close(existing);
    }
}

void writeFileAtomically(const fs::path& path, std::string_view content)
{
    const auto fail
        = [&](const std::string& why) { throw std::runtime_error("cannot write " + path.string() + ": " + why); };
    std::string name = path.filename().string();
    name.insert(0, 1, '.');
    name.append(".XXXXXX");
    std::string temporary = (directoryOf(path) / name).string();
    const int fd = ::mkostemp(temporary.data(), O_CLOEXEC);
    if (fd < 0)
        fail(std::strerror(errno));
    std::size_t written = 0;
    while (written < content.size()) {
        const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            const int error = errno;
            ::close(fd);
            ::unlink(temporary.c_str());
            fail(std::strerror(error));
        }
        written += static_cast<std::size_t>(n);
    }
    // mkostemp creates 0600; results are ordinary files.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd, 0666 & ~mask);
    if (::fsync(fd) != 0 || ::close(fd) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(std::strerror(error));
    }
    if (::rename(temporary.c_str(), path.c_str()) != 0) {
        const int error = errno;
        ::unlink(temporary.c_str());
        fail(std::strerror(error));
    }
}

void checkNotAnInput(const std::vector<std::string>& outputs, const std::vector<std::string>& inputs)
{
    for (const auto& output : outputs) {
        for (const auto& input : inputs) {
            std::error_code ec; // false when either does not exist: a new file is no input
            if (!output.empty() && !input.empty() && fs::equivalent(output, input, ec))
                throw InputError("refusing to write " + output + ": it is the input " + input
                    + " (an export never replaces what it was made from); choose another file");
        }
    }
}

} // namespace pyrometer
