//===- Engine/Config.h - .claimlint.json ------------------------*- C++ -*-===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// Configuration files (docs/configuration.md). For each linted file the
/// nearest .claimlint.json in its folder or above applies, merged over the
/// ones further up until one says "root": true; "extends" pulls in another
/// file first. Errors are located in the config file.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_ENGINE_CONFIG_H
#define CLAIMLINT_ENGINE_CONFIG_H

#include "Markup/Reader.h"
#include "Support/Severity.h"

#include "llvm/ADT/Optional.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"

#include <nlohmann/json.hpp>

#include <map>
#include <memory>
#include <string>
#include <vector>

namespace claimlint {

/// One parsed config file (after its "extends" chain is merged in).
struct ConfigFile {
  std::string Path;
  std::string Dir; ///< folder that relative paths and globs start from
  bool Root = false;
  std::vector<std::string> Enable, Disable; ///< rule globs
  /// Rule glob -> "error" | "warning" | "info" | "off", in file order.
  std::vector<std::pair<std::string, std::string>> Severity;
  std::vector<std::string> Ignore;    ///< path globs, relative to Dir
  std::vector<std::string> RulesDirs; ///< absolute
  std::vector<std::pair<std::string, FileType>> FileTypes; ///< glob -> type
  llvm::Optional<std::string> Profile;
  nlohmann::json Lexicon; ///< extension, or null
  std::string Text;       ///< for located lexicon errors
};

/// Parses \p Path, following "extends". \p Seen guards against cycles.
llvm::Expected<std::shared_ptr<ConfigFile>>
loadConfigFile(llvm::StringRef Path, std::vector<std::string> Seen = {});

/// Finds and caches the config chain for each folder.
class ConfigResolver {
public:
  /// \p Explicit: --config FILE (no discovery); \p Disabled: --no-config.
  ConfigResolver(llvm::Optional<std::string> Explicit, bool Disabled)
      : Explicit(std::move(Explicit)), Disabled(Disabled) {}

  /// The configs that apply to a file in \p Dir, farthest first. Errors are
  /// remembered (see takeErrors) and the broken file is skipped.
  const std::vector<std::shared_ptr<ConfigFile>> &chainFor(llvm::StringRef Dir);

  /// Every config file loaded so far.
  std::vector<std::shared_ptr<ConfigFile>> allLoaded() const;

  llvm::Error takeErrors() { return std::move(Errors); }

private:
  std::shared_ptr<ConfigFile> load(const std::string &Path);

  llvm::Optional<std::string> Explicit;
  bool Disabled;
  std::map<std::string, std::vector<std::shared_ptr<ConfigFile>>> Chains;
  std::map<std::string, std::shared_ptr<ConfigFile>> Files;
  llvm::Error Errors = llvm::Error::success();
};

/// True if \p Glob matches \p Path ('*' also crosses '/'; "**/" matches any
/// folder prefix including none; a glob without '/' matches the base name).
bool matchGlob(llvm::StringRef Glob, llvm::StringRef Path);

} // namespace claimlint

#endif // CLAIMLINT_ENGINE_CONFIG_H
