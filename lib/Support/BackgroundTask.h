//===- Support/BackgroundTask.h - Run one function beside this thread
//------===//
//
// Part of claimlint. SPDX-License-Identifier: Apache-2.0
//
//===----------------------------------------------------------------------===//
///
/// \file
/// One function run on a thread of its own while the caller goes on, when
/// the machine has a second core; on one core it runs at once, in the
/// constructor, so the result is the same either way. join() (or the
/// destructor) waits for it. Start-up uses it to build independent parts
/// side by side.
///
//===----------------------------------------------------------------------===//

#ifndef CLAIMLINT_SUPPORT_BACKGROUNDTASK_H
#define CLAIMLINT_SUPPORT_BACKGROUNDTASK_H

#include <functional>
#include <thread>

namespace claimlint {

class BackgroundTask {
public:
  explicit BackgroundTask(std::function<void()> Fn) {
    if (std::thread::hardware_concurrency() > 1)
      T = std::thread(std::move(Fn));
    else
      Fn();
  }
  BackgroundTask(const BackgroundTask &) = delete;
  BackgroundTask &operator=(const BackgroundTask &) = delete;
  ~BackgroundTask() { join(); }

  void join() {
    if (T.joinable())
      T.join();
  }

private:
  std::thread T;
};

} // namespace claimlint

#endif // CLAIMLINT_SUPPORT_BACKGROUNDTASK_H
