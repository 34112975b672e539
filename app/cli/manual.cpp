#include "manual.h"

#include "help_texts.h"
#include "run_arguments.h"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <sstream>

namespace pyrometer::cli {
namespace {

// --- Reading a help text -------------------------------------------------------------------------------------------
// The help texts share one layout, which is what is read here:
//   Usage: pyrometer run [options] ...         the usage, with continuation lines indented
//   Runs:                                      a heading: unindented, ending with a colon
//     -n, --runs N            measured ...     an option: names, argument, two spaces, description
//                             continued        deeper lines continue the option (or item) above
//   show    one benchmark's trend ...          an item: a word, two spaces, what it is
// and prose, in paragraphs between blank lines.

struct Line
{
    enum Kind { Usage, Heading, Option, Item, Prose, Blank } kind;
    std::string text; ///< Usage: the line without "Usage: "; Heading, Prose: the line; Item: the word
    OptionHelp option; ///< Option: the option; Item: its description in `description`
};

std::size_t indentOf(const std::string& line)
{
    return std::min(line.find_first_not_of(' '), line.size());
}

std::string trimmed(const std::string& text)
{
    const auto first = text.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    return text.substr(first, text.find_last_not_of(' ') - first + 1);
}

bool isLetter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/// "--runs" at `at` in `line`: its length, or 0.
std::size_t longNameAt(const std::string& line, std::size_t at)
{
    if (line.compare(at, 2, "--") != 0 || at + 2 >= line.size() || !(line[at + 2] >= 'a' && line[at + 2] <= 'z'))
        return 0;
    auto end = at + 2;
    while (end < line.size()
        && ((line[end] >= 'a' && line[end] <= 'z') || (line[end] >= '0' && line[end] <= '9') || line[end] == '-'))
        ++end;
    return end - at;
}

std::optional<OptionHelp> optionLine(const std::string& line)
{
    const auto indent = indentOf(line);
    if (indent < 2 || indent > 8 || indent >= line.size() || line[indent] != '-')
        return std::nullopt;
    OptionHelp option;
    auto at = indent;
    if (at + 1 < line.size() && isLetter(line[at + 1])
        && (at + 2 == line.size() || line[at + 2] == ',' || line[at + 2] == ' ')) {
        option.shortName = line.substr(at, 2);
        at += 2;
        if (line.compare(at, 2, ", ") == 0)
            at += 2;
    }
    if (const auto length = longNameAt(line, at); length > 0) {
        option.longName = line.substr(at, length);
        at += length;
    }
    if (option.shortName.empty() && option.longName.empty())
        return std::nullopt;
    auto rest = line.substr(at);
    if (rest.starts_with("[=")) {
        const auto close = rest.find(']');
        option.argument = rest.substr(0, close + 1);
        rest = rest.substr(close + 1);
    }
    const auto gap = rest.find("  ");
    if (option.argument.empty())
        option.argument = trimmed(rest.substr(0, gap));
    if (gap != std::string::npos)
        option.description = trimmed(rest.substr(gap));
    return option;
}

std::vector<Line> linesOf(const std::string& help)
{
    std::vector<Line> lines;
    std::istringstream in(help);
    bool inUsage = false;
    for (std::string text; std::getline(in, text);) {
        const auto indent = indentOf(text);
        if (trimmed(text).empty()) {
            inUsage = false;
            lines.push_back({ Line::Blank, {}, {} });
        } else if (text.starts_with("Usage: ")) {
            inUsage = true;
            lines.push_back({ Line::Usage, text.substr(7), {} });
        } else if (inUsage) {
            lines.push_back({ Line::Usage, text.substr(std::min<std::size_t>(7, indent)), {} });
        } else if (auto option = optionLine(text)) {
            lines.push_back({ Line::Option, {}, *option });
        } else if (indent == 0 && text.back() == ':' && text.size() < 60) {
            lines.push_back({ Line::Heading, text, {} });
        } else if (const auto gap = text.find("  ", indent); indent <= 2 && gap != std::string::npos
                   && std::all_of(text.begin() + static_cast<long>(indent), text.begin() + static_cast<long>(gap),
                       [](char c) { return (c >= 'a' && c <= 'z') || c == '-'; })) {
            lines.push_back(
                { Line::Item, text.substr(indent, gap - indent), { {}, {}, {}, trimmed(text.substr(gap)) } });
        } else if (indent >= 8 && !lines.empty()
            && (lines.back().kind == Line::Option || lines.back().kind == Line::Item)) {
            auto& description = lines.back().option.description;
            description += (description.empty() ? "" : " ") + trimmed(text);
        } else {
            lines.push_back({ Line::Prose, trimmed(text), {} });
        }
    }
    return lines;
}

/// The words naming options in usage lines ("[--export-json FILE]"), with the word after each when it is in capitals.
std::vector<OptionHelp> usageOptions(const std::vector<Line>& lines)
{
    std::vector<OptionHelp> options;
    for (const auto& line : lines) {
        if (line.kind != Line::Usage)
            continue;
        for (std::size_t at = 0; at < line.text.size(); ++at) {
            const auto length
                = (at == 0 || line.text[at - 1] == ' ' || line.text[at - 1] == '[') ? longNameAt(line.text, at) : 0;
            if (length == 0)
                continue;
            OptionHelp option { {}, line.text.substr(at, length), {}, {} };
            at += length;
            if (at + 1 < line.text.size() && line.text[at] == ' ' && line.text[at + 1] >= 'A'
                && line.text[at + 1] <= 'Z')
                option.argument = line.text.substr(at + 1, line.text.find_first_of(" ]", at + 1) - at - 1);
            options.push_back(option);
        }
    }
    return options;
}

std::vector<std::string> itemsOf(const std::string& help)
{
    std::vector<std::string> items;
    for (const auto& line : linesOf(help))
        if (line.kind == Line::Item)
            items.push_back(line.text);
    return items;
}

// --- Writing roff --------------------------------------------------------------------------------------------------

/// Text as roff shows it: backslashes escaped, hyphens as minus signs when they belong to an option or a command
/// (`minus`), every character beyond ASCII as its code point, and a line that would start a request made plain.
std::string roff(const std::string& text, bool minus = false)
{
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\\') {
            out += "\\e";
        } else if (c == '-' && minus) {
            out += "\\-";
        } else if (c < 0x80) {
            out += static_cast<char>(c);
        } else {
            // UTF-8 to its code point.
            const int length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
            std::uint32_t code = c & (length == 4 ? 0x07 : length == 3 ? 0x0F : 0x1F);
            for (int k = 1; k < length && i + 1 < text.size(); ++k)
                code = (code << 6) | (static_cast<unsigned char>(text[++i]) & 0x3F);
            char escape[16];
            std::snprintf(escape, sizeof escape, "\\[u%04X]", code);
            out += escape;
        }
    }
    if (!out.empty() && (out.front() == '.' || out.front() == '\''))
        out.insert(0, "\\&");
    return out;
}

std::string bold(const std::string& text)
{
    return "\\fB" + roff(text, true) + "\\fR";
}

std::string optionTerm(const OptionHelp& option)
{
    std::string term;
    if (!option.shortName.empty())
        term += bold(option.shortName);
    if (!option.longName.empty())
        term += (term.empty() ? "" : ", ") + bold(option.longName);
    if (!option.argument.empty())
        term += (option.argument.starts_with("[") ? "" : " ") + ("\\fI" + roff(option.argument) + "\\fR");
    return term;
}

/// A help text's body in roff: usage as a synopsis, headings, options and items as tagged paragraphs, prose.
void writeBody(std::ostringstream& out, const std::vector<Line>& lines)
{
    bool paragraph = true; // the next prose line starts a paragraph
    bool usage = false;
    for (const auto& line : lines) {
        if (usage && line.kind != Line::Usage) {
            out << ".fi\n";
            usage = false;
        }
        switch (line.kind) {
        case Line::Usage:
            if (!usage)
                out << ".PP\n.nf\n";
            usage = true;
            out << roff(line.text, true) << "\n";
            break;
        case Line::Heading:
            out << ".PP\n" << bold(line.text) << "\n";
            paragraph = true;
            break;
        case Line::Option:
            out << ".TP\n" << optionTerm(line.option) << "\n" << roff(line.option.description) << "\n";
            paragraph = true;
            break;
        case Line::Item:
            out << ".TP\n" << bold(line.text) << "\n" << roff(line.option.description) << "\n";
            paragraph = true;
            break;
        case Line::Prose:
            if (paragraph)
                out << ".PP\n";
            paragraph = false;
            out << roff(line.text) << "\n";
            break;
        case Line::Blank:
            paragraph = true;
            break;
        }
    }
    if (usage)
        out << ".fi\n";
}

std::string upper(std::string text)
{
    std::transform(text.begin(), text.end(), text.begin(), [](char c) { return c >= 'a' && c <= 'z' ? c - 32 : c; });
    return text;
}

// --- Shell completion ----------------------------------------------------------------------------------------------

/// Every option a command takes: bisect takes run's measuring options besides its own.
std::vector<OptionHelp> commandOptions(const CommandHelp& command)
{
    auto options = optionsOf(command.text);
    if (command.name == "bisect")
        for (const auto& option : optionsOf(runHelp()))
            if (std::none_of(options.begin(), options.end(), [&](const OptionHelp& o) {
                    return o.longName == option.longName && o.shortName == option.shortName;
                }))
                options.push_back(option);
    return options;
}

/// A description cut to its first clause, for a completion menu.
std::string brief(const std::string& description)
{
    auto end = std::min(description.find(". "), description.find("; "));
    std::string text = description.substr(0, end);
    if (text.size() > 70) {
        const auto space = text.rfind(' ', 68);
        text = text.substr(0, space) + "…";
    }
    return text;
}

std::string join(const std::vector<std::string>& words)
{
    std::string text;
    for (const auto& word : words)
        text += (text.empty() ? "" : " ") + word;
    return text;
}

/// Text inside single quotes of a POSIX shell ('it'\''s').
std::string singleQuoted(const std::string& text)
{
    std::string out = "'";
    for (const char c : text)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

bool takesFile(const std::string& argument)
{
    if (argument == "F")
        return true;
    for (const char* word : { "FILE", "PATH", "OUT", "DIR", "JOURNAL", "SCRIPT" })
        if (argument.find(word) != std::string::npos)
            return true;
    return false;
}

} // namespace

std::vector<OptionHelp> optionsOf(const std::string& helpText)
{
    const auto lines = linesOf(helpText);
    std::vector<OptionHelp> options;
    for (const auto& line : lines)
        if (line.kind == Line::Option)
            options.push_back(line.option);
    for (const auto& option : usageOptions(lines))
        if (std::none_of(
                options.begin(), options.end(), [&](const OptionHelp& o) { return o.longName == option.longName; }))
            options.push_back(option);
    return options;
}

std::string manPage(const std::string& version, const std::string& date)
{
    std::ostringstream out;
    out << ".\\\" pyrometer(1), generated from the --help of pyrometer and its commands (app/cli/manual.cpp).\n"
        << ".TH PYROMETER 1 \"" << date << "\" \"Pyrometer " << version << "\" \"User Commands\"\n"
        << ".nh\n" // option names are never hyphenated
        << ".SH NAME\n"
        << "pyrometer \\- measure how fast Python scripts and commands run, and how much memory they take\n";
    const auto main = linesOf(mainHelp());
    std::vector<Line> synopsis, description, options;
    for (const auto& line : main) {
        if (line.kind == Line::Usage)
            synopsis.push_back(line);
        else if (line.kind == Line::Prose || line.kind == Line::Blank)
            description.push_back(line);
        else if (line.kind == Line::Option)
            options.push_back(line);
    }
    out << ".SH SYNOPSIS\n.nf\n";
    for (const auto& line : synopsis)
        out << roff(line.text, true) << "\n";
    out << ".fi\n.SH DESCRIPTION\n";
    writeBody(out, description);
    out << ".SH OPTIONS\n";
    writeBody(out, options);
    out << ".SH COMMANDS\n";
    for (const auto& command : commandHelps())
        out << ".TP\n" << bold(command.name) << "\n" << roff(command.summary) << "\n";
    for (const auto& command : commandHelps()) {
        out << ".SH \"PYROMETER " << upper(command.name) << "\"\n";
        writeBody(out, linesOf(command.text));
    }
    out << R"(.SH ENVIRONMENT
.TP
.B PYROMETER_STORE
the history store when no \fB\-\-store\fR is given: a SQLite file, or a postgresql:// URI
.TP
.B LANGUAGE
the language of the window (de: German)
.SH FILES
.TP
.I ~/.config/Pyrometer/Pyrometer.conf
the window's settings: layout, recent files, the last interpreter
.TP
.I ~/.local/share/Pyrometer/Pyrometer/runs/
the results of every run made in the window
.TP
.I ~/.local/share/Pyrometer/Pyrometer/history.sqlite
the history store
.PP
Both follow \fBXDG_CONFIG_HOME\fR and \fBXDG_DATA_HOME\fR when they are set.
.SH "SEE ALSO"
.BR hyperfine (1),
.BR python3 (1)
)";
    return out.str();
}

std::string bashCompletion()
{
    std::ostringstream out;
    std::vector<std::string> names;
    for (const auto& command : commandHelps())
        names.push_back(command.name);
    out << "# bash completion for pyrometer, generated from its --help texts (app/cli/manual.cpp)\n"
        << "_pyrometer()\n{\n"
        << "    local cur=${COMP_WORDS[COMP_CWORD]} command= options= words=\n"
        << "    ((COMP_CWORD > 1)) && command=${COMP_WORDS[1]}\n"
        << "    case $command in\n";
    for (const auto& command : commandHelps()) {
        std::vector<std::string> words;
        for (const auto& option : commandOptions(command))
            for (const auto* name : { &option.shortName, &option.longName })
                if (!name->empty())
                    words.push_back(*name);
        out << "    " << command.name << ")\n        options=" << singleQuoted(join(words)) << "\n";
        if (const auto items = itemsOf(command.text); !items.empty())
            out << "        ((COMP_CWORD == 2)) && words=" << singleQuoted(join(items)) << "\n";
        out << "        ;;\n";
    }
    std::vector<std::string> mainOptions;
    for (const auto& option : optionsOf(mainHelp()))
        mainOptions.push_back(option.shortName), mainOptions.push_back(option.longName);
    out << "    *)\n        options=" << singleQuoted(join(mainOptions)) << "\n"
        << "        words=" << singleQuoted(join(names)) << "\n        ;;\n    esac\n"
        << "    if [[ $cur == -* ]]; then\n"
        << "        COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
        << "    else\n"
        << "        COMPREPLY=($(compgen -W \"$words\" -- \"$cur\") $(compgen -f -- \"$cur\"))\n"
        << "    fi\n}\n"
        << "complete -o filenames -o bashdefault -F _pyrometer pyrometer\n";
    return out.str();
}

std::string zshCompletion()
{
    const auto described = [](const std::string& text) {
        std::string out;
        for (const char c : brief(text)) {
            if (c == '[' || c == ']' || c == ':' || c == '\\')
                out += '\\';
            out += c;
        }
        return out;
    };
    std::ostringstream out;
    out << "#compdef pyrometer\n# zsh completion for pyrometer, generated from its --help texts "
           "(app/cli/manual.cpp)\n\n"
        << "_pyrometer()\n{\n    local -a commands\n    commands=(\n";
    for (const auto& command : commandHelps())
        out << "        " << singleQuoted(command.name + ":" + brief(command.summary)) << "\n";
    out << "    )\n    if ((CURRENT == 2)); then\n"
        << "        _describe -t commands 'pyrometer command' commands\n        _files\n        return\n    fi\n"
        << "    local command=$words[2]\n    shift words\n    ((CURRENT--))\n    case $command in\n";
    for (const auto& command : commandHelps()) {
        out << "    " << command.name << ")\n        _arguments -S";
        for (const auto& option : commandOptions(command)) {
            const bool repeatable = option.description.find("repeatable") != std::string::npos;
            const bool optional = option.argument.starts_with("[=");
            const auto action = option.argument.empty() ? std::string()
                : optional                              ? ":: :"
                           : ":" + option.argument + (takesFile(option.argument) ? ":_files" : ": ");
            const auto help = "[" + described(option.description) + "]" + action;
            std::vector<std::string> names;
            for (const auto* name : { &option.shortName, &option.longName })
                if (!name->empty())
                    names.push_back(*name + (optional ? "=-" : ""));
            const auto exclusive = names.size() == 2 && !repeatable ? "(" + join(names) + ")" : std::string();
            for (const auto& name : names)
                out << " \\\n            " << singleQuoted((repeatable ? "*" : exclusive) + name + help);
        }
        if (const auto items = itemsOf(command.text); !items.empty())
            out << " \\\n            " << singleQuoted("1:what:(" + join(items) + ")");
        out << " \\\n            '*:file:_files'\n        ;;\n";
    }
    out << "    esac\n}\n\n_pyrometer \"$@\"\n";
    return out.str();
}

std::string fishCompletion()
{
    const auto quoted = [](const std::string& text) {
        std::string out = "'";
        for (const char c : text) {
            if (c == '\'' || c == '\\')
                out += '\\';
            out += c;
        }
        return out + "'";
    };
    const auto flags = [&](const OptionHelp& option) {
        std::string text;
        if (!option.shortName.empty())
            text += " -s " + option.shortName.substr(1);
        if (!option.longName.empty())
            text += " -l " + option.longName.substr(2);
        if (!option.argument.empty() && !option.argument.starts_with("["))
            text += " -r";
        return text + " -d " + quoted(brief(option.description));
    };
    std::ostringstream out;
    out << "# fish completion for pyrometer, generated from its --help texts (app/cli/manual.cpp)\n";
    for (const auto& option : optionsOf(mainHelp()))
        out << "complete -c pyrometer -n __fish_use_subcommand" << flags(option) << "\n";
    for (const auto& command : commandHelps())
        out << "complete -c pyrometer -n __fish_use_subcommand -a " << command.name << " -d "
            << quoted(brief(command.summary)) << "\n";
    for (const auto& command : commandHelps()) {
        const auto condition = " -n " + quoted("__fish_seen_subcommand_from " + command.name);
        for (const auto& option : commandOptions(command))
            out << "complete -c pyrometer" << condition << flags(option) << "\n";
        for (const auto& item : itemsOf(command.text))
            out << "complete -c pyrometer" << condition << " -a " << item << "\n";
    }
    return out.str();
}

} // namespace pyrometer::cli
