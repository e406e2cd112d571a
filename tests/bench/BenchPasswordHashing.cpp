// SPDX-License-Identifier: Apache-2.0
// Password hashing on this machine: first the calibration report of every
// scheme (SystemHashTimer, target 250 ms), then Google Benchmark timings of one
// hash at each scheme's OWASP floor. Prints figures; not a test.
//   BenchPasswordHashing [--target-ms=N] [--cpu-time] [--no-calibration] [benchmark flags]
// --cpu-time calibrates on process CPU time, for a machine busy with other work.
#include "auth/HashTimer.h"
#include "auth/PasswordCalibration.h"
#include "auth/PasswordHasher.h"
#include "policy/PolicyEnums.h"

#include <benchmark/benchmark.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

namespace {

void hashAtFloor(benchmark::State& state, pc::PasswordScheme scheme)
{
    pc::PasswordPolicy policy;
    pc::PasswordSetting::owaspFloor(scheme).applyTo(policy);
    auto hasher = pc::makePasswordHasher(scheme, policy);
    if (!hasher) {
        state.SkipWithError(hasher.error().message.c_str());
        return;
    }
    for (auto _ : state) {
        auto made = (*hasher)->hash("correct horse battery staple");
        benchmark::DoNotOptimize(made);
    }
}

BENCHMARK_CAPTURE(hashAtFloor, bcrypt_cost10, pc::PasswordScheme::Bcrypt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(hashAtFloor, argon2id_m19456_t2_p1, pc::PasswordScheme::Argon2id)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(hashAtFloor, scrypt_ln17_r8_p1, pc::PasswordScheme::Scrypt)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(hashAtFloor, pbkdf2_sha256_600000, pc::PasswordScheme::Pbkdf2Sha256)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(hashAtFloor, pbkdf2_sha512_220000, pc::PasswordScheme::Pbkdf2Sha512)->Unit(benchmark::kMillisecond);

void printCalibration(long targetMs, pc::SystemHashTimer::Clock clock)
{
    constexpr std::array<pc::PasswordScheme, 5> schemes{pc::PasswordScheme::Bcrypt, pc::PasswordScheme::Argon2id,
                                                        pc::PasswordScheme::Scrypt, pc::PasswordScheme::Pbkdf2Sha256,
                                                        pc::PasswordScheme::Pbkdf2Sha512};
    pc::SystemHashTimer timer(3, clock);
    for (const auto scheme : schemes) {
        auto report = pc::calibratePasswordScheme(scheme, pc::Duration(std::chrono::milliseconds(targetMs)), timer);
        if (!report) {
            std::printf("%s: %s\n", std::string(pc::enumName(scheme)).c_str(), report.error().message.c_str());
            continue;
        }
        std::printf("%s", report->toText().c_str());
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    long targetMs = 250;
    bool calibrate = true;
    auto clock = pc::SystemHashTimer::Clock::Wall;
    std::vector<char*> rest{argv[0]};
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--target-ms=", 12) == 0) {
            targetMs = std::strtol(argv[i] + 12, nullptr, 10);
        } else if (std::strcmp(argv[i], "--cpu-time") == 0) {
            clock = pc::SystemHashTimer::Clock::ProcessCpu;
        } else if (std::strcmp(argv[i], "--no-calibration") == 0) {
            calibrate = false;
        } else {
            rest.push_back(argv[i]);
        }
    }
    if (calibrate) {
        std::printf("Calibration on %s time:\n", clock == pc::SystemHashTimer::Clock::Wall ? "wall" : "process CPU");
        printCalibration(targetMs, clock);
    }
    int restCount = static_cast<int>(rest.size());
    benchmark::Initialize(&restCount, rest.data());
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
