// SPDX-License-Identifier: Apache-2.0
#include "SecretInput.h"

#include "common/TextFile.h"

#include <termios.h>
#include <unistd.h>

#include <string>

namespace pc::cli {
namespace {

constexpr std::size_t kMaxSecretBytes = 64 * 1024;

// Turns terminal echo off for its lifetime when stdin is a terminal.
class EchoOff {
public:
    EchoOff()
    {
        if (::isatty(STDIN_FILENO) == 1 && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
    }
    ~EchoOff()
    {
        if (m_active) {
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
        }
    }
    EchoOff(const EchoOff&) = delete;
    EchoOff& operator=(const EchoOff&) = delete;
    [[nodiscard]] bool active() const { return m_active; }

private:
    termios m_saved{};
    bool m_active = false;
};

void dropLineEnd(std::string& text)
{
    if (!text.empty() && text.back() == '\n') {
        text.pop_back();
    }
    if (!text.empty() && text.back() == '\r') {
        text.pop_back();
    }
}

} // namespace

Result<SecretBytes> SecretInput::read(const QString& file, const char* prompt, CliContext& io)
{
    std::string text;
    if (!file.isEmpty() && file != QStringLiteral("-")) {
        auto content = TextFile::read(file.toStdString(), kMaxSecretBytes);
        if (!content.ok()) {
            return content.errors();
        }
        text = std::move(content).value();
    } else {
        const EchoOff echoOff;
        if (echoOff.active()) {
            io.err << prompt << std::flush;
        }
        std::getline(io.in, text);
        if (echoOff.active()) {
            io.err << '\n';
        }
        if (text.size() > kMaxSecretBytes) {
            return makeError("secret-too-large", "The input is longer than 64 KiB.", {}, "give the value itself");
        }
    }
    dropLineEnd(text);
    return SecretBytes::adopt(text);
}

} // namespace pc::cli
