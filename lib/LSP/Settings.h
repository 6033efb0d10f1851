//===- LSP/Settings.h - The "claimlint" settings section ---------*- C++
//-*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Editor settings (docs/editors.md). They arrive through
/// initializationOptions, workspace/didChangeConfiguration and
/// workspace/configuration, either as
/// {"claimlint": {...}} or as the section itself. Unknown keys and values of
/// the wrong type are reported and ignored, never fatal.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_LSP_SETTINGS_H
#define CLAIMLINT_LSP_SETTINGS_H

#include "Support/Severity.h"

#include <string>
#include <utility>
#include <vector>

#include "LSP/Json.h"

namespace claimlint {
namespace lsp {

enum class CheckFrequency { Edit, Save };

struct Settings {
  bool Enabled = true;
  std::vector<std::string> RulesDirs; ///< relative to the workspace root
  std::string ConfigPath;             ///< "" = discover .claimlint.json
  bool NoConfig = false;
  std::string Profile;
  std::vector<std::string> Enable, Disable; ///< rule globs, after configs
  /// Rule glob -> "error" | "warning" | "info" | "off", after configs.
  std::vector<std::pair<std::string, std::string>> SeverityOverrides;
  Severity MinSeverity = Severity::Info;
  bool ShowQualified = false;
  bool UseContext = true;
  CheckFrequency Frequency = CheckFrequency::Edit;
  unsigned DebounceMs = 100;
  std::string DocsBaseUrl; ///< "" = the installed docs (ServerOptions)
  std::string Today;       ///< YYYY-MM-DD for evidence expiry; "" = today

  bool operator==(const Settings &O) const;
  bool operator!=(const Settings &O) const { return !(*this == O); }
};

/// The settings section inside \p V: V["claimlint"] when that is an object,
/// else \p V itself when it is an object, else null.
const json *settingsSection(const json &V);

/// \p Base with the keys of \p Section applied. Problems (unknown keys, wrong
/// types) are appended to \p Warnings; the offending key is left as in Base.
Settings applySettings(Settings Base, const json &Section,
                       std::vector<std::string> &Warnings);

} // namespace lsp
} // namespace claimlint

#endif // CLAIMLINT_LSP_SETTINGS_H
