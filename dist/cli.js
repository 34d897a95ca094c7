#!/usr/bin/env node
import { createRequire as __netreachCreateRequire } from "node:module";
const require = __netreachCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target2) => (target2 = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target2, "default", { value: mod, enumerable: true }) : target2,
  mod
));

// node_modules/ip-address/dist/address-error.js
var require_address_error = __commonJS({
  "node_modules/ip-address/dist/address-error.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.AddressError = void 0;
    var AddressError = class extends Error {
      constructor(message, parseMessage) {
        super(message);
        this.name = "AddressError";
        this.parseMessage = parseMessage;
      }
    };
    exports.AddressError = AddressError;
  }
});

// node_modules/ip-address/dist/common.js
var require_common = __commonJS({
  "node_modules/ip-address/dist/common.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.isInSubnet = isInSubnet;
    exports.isHostInSubnet = isHostInSubnet;
    exports.isGloballyReachable = isGloballyReachable;
    exports.offsetBigInt = offsetBigInt;
    exports.isCorrect = isCorrect;
    exports.prefixLengthFromMask = prefixLengthFromMask;
    exports.assertByteArray = assertByteArray;
    exports.numberToPaddedHex = numberToPaddedHex;
    exports.stringToPaddedHex = stringToPaddedHex;
    exports.testBit = testBit;
    var address_error_1 = require_address_error();
    function isInSubnet(address) {
      if (this.subnetMask < address.subnetMask) {
        return false;
      }
      return isHostInSubnet.call(this, address);
    }
    function isHostInSubnet(address) {
      if (this.binaryZeroPad().length !== address.binaryZeroPad().length) {
        return false;
      }
      return this.mask(address.subnetMask) === address.mask();
    }
    function isGloballyReachable(entries) {
      let best = null;
      for (let i = 0; i < entries.length; i++) {
        const entry2 = entries[i];
        if (entry2.reachable !== null && isHostInSubnet.call(this, entry2.subnet) && (best === null || entry2.subnet.subnetMask > best.subnet.subnetMask)) {
          best = entry2;
        }
      }
      return best === null ? true : best.reachable;
    }
    function offsetBigInt(value, n, bits, family) {
      if (typeof n === "number" && !Number.isSafeInteger(n)) {
        throw new address_error_1.AddressError(`${family} offset must be an integer`);
      }
      if (typeof n !== "number" && typeof n !== "bigint") {
        throw new address_error_1.AddressError(`${family} offset must be an integer`);
      }
      const result = value + BigInt(n);
      if (result < BigInt(0) || result > (BigInt(1) << BigInt(bits)) - BigInt(1)) {
        throw new address_error_1.AddressError(`${family} offset leaves the address space`);
      }
      return result;
    }
    function isCorrect(defaultBits) {
      return function isCorrectForm() {
        if (this.addressMinusSuffix !== this.correctForm()) {
          return false;
        }
        if (this.subnetMask === defaultBits && !this.parsedSubnet) {
          return true;
        }
        return this.parsedSubnet === String(this.subnetMask);
      };
    }
    function prefixLengthFromMask(value, totalBits) {
      const binary = value.toString(2).padStart(totalBits, "0");
      if (binary.length > totalBits) {
        throw new address_error_1.AddressError("Invalid subnet mask.");
      }
      const firstZero = binary.indexOf("0");
      if (firstZero === -1) {
        return totalBits;
      }
      if (binary.slice(firstZero).includes("1")) {
        throw new address_error_1.AddressError("Invalid subnet mask.");
      }
      return firstZero;
    }
    function assertByteArray(bytes, byteCount, family, minimum) {
      if (bytes.length !== byteCount) {
        throw new address_error_1.AddressError(`${family} addresses require exactly ${byteCount} bytes`);
      }
      for (let i = 0; i < bytes.length; i++) {
        if (!Number.isInteger(bytes[i]) || bytes[i] < minimum || bytes[i] > 255) {
          throw new address_error_1.AddressError(`All bytes must be integers between ${minimum} and 255`);
        }
      }
    }
    function numberToPaddedHex(number) {
      return number.toString(16).padStart(2, "0");
    }
    function stringToPaddedHex(numberString) {
      return numberToPaddedHex(parseInt(numberString, 10));
    }
    function testBit(binaryValue, position) {
      const { length } = binaryValue;
      if (position >= length) {
        return false;
      }
      const positionInString = length - position - 1;
      return binaryValue.substring(positionInString, positionInString + 1) === "1";
    }
  }
});

// node_modules/ip-address/dist/v4/constants.js
var require_constants = __commonJS({
  "node_modules/ip-address/dist/v4/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SPECIAL_PURPOSE = exports.RE_SUBNET_STRING = exports.RE_ADDRESS = exports.GROUPS = exports.BITS = void 0;
    exports.BITS = 32;
    exports.GROUPS = 4;
    exports.RE_ADDRESS = /^(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\.(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])$/g;
    exports.RE_SUBNET_STRING = /\/\d{1,2}$/;
    exports.SPECIAL_PURPOSE = [
      ["0.0.0.0/8", "This network", false],
      ["0.0.0.0/32", "This host on this network", false],
      ["10.0.0.0/8", "Private-Use", false],
      ["100.64.0.0/10", "Shared Address Space", false],
      ["127.0.0.0/8", "Loopback", false],
      ["169.254.0.0/16", "Link Local", false],
      ["172.16.0.0/12", "Private-Use", false],
      ["192.0.0.0/24", "IETF Protocol Assignments", false],
      ["192.0.0.0/29", "IPv4 Service Continuity Prefix", false],
      ["192.0.0.8/32", "IPv4 dummy address", false],
      ["192.0.0.9/32", "Port Control Protocol Anycast", true],
      ["192.0.0.10/32", "Traversal Using Relays around NAT Anycast", true],
      ["192.0.0.170/32", "NAT64/DNS64 Discovery", false],
      ["192.0.0.171/32", "NAT64/DNS64 Discovery", false],
      ["192.0.2.0/24", "Documentation (TEST-NET-1)", false],
      ["192.31.196.0/24", "AS112-v4", true],
      ["192.52.193.0/24", "AMT", true],
      ["192.88.99.0/24", "Deprecated (6to4 Relay Anycast)", null],
      ["192.88.99.2/32", "6a44-relay anycast address", false],
      ["192.168.0.0/16", "Private-Use", false],
      ["192.175.48.0/24", "Direct Delegation AS112 Service", true],
      ["198.18.0.0/15", "Benchmarking", false],
      ["198.51.100.0/24", "Documentation (TEST-NET-2)", false],
      ["203.0.113.0/24", "Documentation (TEST-NET-3)", false],
      ["240.0.0.0/4", "Reserved", false],
      ["255.255.255.255/32", "Limited Broadcast", false]
    ];
  }
});

// node_modules/ip-address/dist/ipv4.js
var require_ipv4 = __commonJS({
  "node_modules/ip-address/dist/ipv4.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Address4 = void 0;
    var common = __importStar(require_common());
    var constants5 = __importStar(require_constants());
    var address_error_1 = require_address_error();
    var isCorrect4 = common.isCorrect(constants5.BITS);
    var Address4 = class _Address4 {
      constructor(address) {
        this.addressMinusSuffix = "";
        this.groups = constants5.GROUPS;
        this.parsedAddress = [];
        this.parsedSubnet = "";
        this.subnet = "/32";
        this.subnetMask = 32;
        this.v4 = true;
        this.isCorrect = isCorrect4;
        this.isInSubnet = common.isInSubnet;
        this.isHostInSubnet = common.isHostInSubnet;
        this.address = address;
        const subnet = constants5.RE_SUBNET_STRING.exec(address);
        if (subnet) {
          this.parsedSubnet = subnet[0].replace("/", "");
          this.subnetMask = parseInt(this.parsedSubnet, 10);
          this.subnet = `/${this.subnetMask}`;
          if (this.subnetMask < 0 || this.subnetMask > constants5.BITS) {
            throw new address_error_1.AddressError("Invalid subnet mask.");
          }
          address = address.replace(constants5.RE_SUBNET_STRING, "");
        }
        const longest2 = constants5.GROUPS * 4 - 1;
        if (address.length > longest2) {
          throw new address_error_1.AddressError(`IPv4 addresses are at most ${longest2} characters.`);
        }
        this.addressMinusSuffix = address;
        this.parsedAddress = this.parse(address);
      }
      /**
       * Returns true if the given string is a valid IPv4 address (with optional
       * CIDR subnet), false otherwise. Host bits in the subnet portion are
       * allowed (e.g. `192.168.1.5/24` is valid); for strict network-address
       * validation compare `correctForm()` to `startAddress().correctForm()`,
       * or use `networkForm()`.
       */
      static isValid(address) {
        try {
          new _Address4(address);
          return true;
        } catch {
          return false;
        }
      }
      /**
       * Parses an IPv4 address string into its four octet groups and stores the
       * result on `this.parsedAddress`. Called automatically by the constructor;
       * you typically don't need to call it directly. Throws `AddressError` if
       * the input is not a valid IPv4 address.
       */
      parse(address) {
        const groups2 = address.split(".");
        if (groups2.some((group2) => /^0\d/.test(group2))) {
          throw new address_error_1.AddressError("IPv4 addresses can't have leading zeroes.");
        }
        if (!address.match(constants5.RE_ADDRESS)) {
          throw new address_error_1.AddressError("Invalid IPv4 address.");
        }
        return groups2;
      }
      /**
       * Returns the address in correct form: octets joined with `.` and any
       * leading zeros stripped (e.g. `192.168.1.1`). For IPv4 this matches the
       * canonical dotted-decimal representation.
       */
      correctForm() {
        return this.parsedAddress.map((part) => parseInt(part, 10)).join(".");
      }
      /**
       * Construct an `Address4` from an address and a dotted-decimal subnet
       * mask given as separate strings (e.g. as returned by Node's
       * `os.networkInterfaces()`). Throws `AddressError` if the mask is
       * non-contiguous (e.g. `255.0.255.0`).
       * @example
       * var address = Address4.fromAddressAndMask('192.168.1.1', '255.255.255.0');
       * address.subnetMask; // 24
       */
      static fromAddressAndMask(address, mask) {
        const bits = common.prefixLengthFromMask(new _Address4(mask).bigInt(), constants5.BITS);
        return new _Address4(`${address}/${bits}`);
      }
      /**
       * Construct an `Address4` from an address and a Cisco-style wildcard mask
       * given as separate strings (e.g. `0.0.0.255` for a `/24`). The wildcard
       * mask is the bitwise inverse of the subnet mask. Throws `AddressError`
       * if the mask is non-contiguous (e.g. `0.255.0.255`).
       * @example
       * var address = Address4.fromAddressAndWildcardMask('10.0.0.1', '0.0.0.255');
       * address.subnetMask; // 24
       */
      static fromAddressAndWildcardMask(address, wildcardMask) {
        const wildcard = new _Address4(wildcardMask).bigInt();
        const allOnes = (BigInt(1) << BigInt(constants5.BITS)) - BigInt(1);
        const mask = wildcard ^ allOnes;
        const bits = common.prefixLengthFromMask(mask, constants5.BITS);
        return new _Address4(`${address}/${bits}`);
      }
      /**
       * Construct an `Address4` from a wildcard pattern with trailing `*`
       * octets. The number of trailing wildcards determines the prefix
       * length: each `*` represents 8 bits.
       *
       * Only trailing whole-octet wildcards are supported. Partial-octet
       * wildcards (e.g. `192.168.0.1*`) and interior wildcards (e.g.
       * `192.*.0.1`) throw `AddressError`.
       * @example
       * Address4.fromWildcard('192.168.0.*').subnet;   // '/24'
       * Address4.fromWildcard('192.168.*.*').subnet;   // '/16'
       * Address4.fromWildcard('*.*.*.*').subnet;       // '/0'
       */
      static fromWildcard(input) {
        const groups2 = input.split(".");
        if (groups2.length !== constants5.GROUPS) {
          throw new address_error_1.AddressError("Wildcard pattern must have 4 octets");
        }
        let firstWildcard = -1;
        for (let i = 0; i < groups2.length; i++) {
          if (groups2[i] === "*") {
            if (firstWildcard === -1) {
              firstWildcard = i;
            }
          } else if (firstWildcard !== -1) {
            throw new address_error_1.AddressError("Wildcard `*` must only appear in trailing octets (e.g. `192.168.0.*`)");
          }
        }
        const trailing = firstWildcard === -1 ? 0 : groups2.length - firstWildcard;
        const replaced = groups2.map((g) => g === "*" ? "0" : g);
        const subnetBits = constants5.BITS - trailing * 8;
        return new _Address4(`${replaced.join(".")}/${subnetBits}`);
      }
      /**
       * Converts a hex string to an IPv4 address object. Accepts 8 hex digits
       * with optional `:` separators (e.g. `'7f000001'` or `'7f:00:00:01'`).
       * Throws `AddressError` for any other length or for non-hex characters.
       * @param {string} hex - a hex string to convert
       * @returns {Address4}
       */
      static fromHex(hex) {
        const stripped = hex.replace(/:/g, "");
        if (!/^[0-9a-fA-F]{8}$/.test(stripped)) {
          throw new address_error_1.AddressError("IPv4 hex must be exactly 8 hex digits");
        }
        const groups2 = [];
        for (let i = 0; i < 8; i += 2) {
          groups2.push(parseInt(stripped.slice(i, i + 2), 16));
        }
        return new _Address4(groups2.join("."));
      }
      /**
       * Converts an integer into a IPv4 address object. The integer must be a
       * non-negative safe integer in the range `[0, 2**32 - 1]`; otherwise
       * `AddressError` is thrown.
       * @param {integer} integer - a number to convert
       * @returns {Address4}
       */
      static fromInteger(integer) {
        if (!Number.isInteger(integer) || integer < 0 || integer > 4294967295) {
          throw new address_error_1.AddressError("IPv4 integer must be in the range 0 to 2**32 - 1");
        }
        return _Address4.fromHex(integer.toString(16).padStart(8, "0"));
      }
      /**
       * Return an address from in-addr.arpa form: the four octets reversed, with
       * or without the `.in-addr.arpa` suffix and root dot, in any case. Throws
       * `AddressError` unless the reversed labels form a valid IPv4 address, so
       * `fromArpa(x.reverseForm())` round-trips {@link reverseForm}.
       * @param {string} arpaFormAddress - an 'in-addr.arpa' form ipv4 address
       * @returns {Adress4}
       * @example
       * var address = Address4.fromArpa('42.2.0.192.in-addr.arpa.')
       * address.correctForm(); // '192.0.2.42'
       */
      static fromArpa(arpaFormAddress) {
        const longest2 = constants5.GROUPS * 4 - 1 + "/32".length + ".in-addr.arpa.".length;
        if (arpaFormAddress.length > longest2) {
          throw new address_error_1.AddressError(`in-addr.arpa names are at most ${longest2} characters.`);
        }
        const leader = arpaFormAddress.replace(/(\.in-addr\.arpa)?\.?$/i, "");
        const address = leader.split(".").reverse().join(".");
        return new _Address4(address);
      }
      /**
       * Converts an IPv4 address object to a hex string
       * @returns {String}
       */
      toHex() {
        return this.parsedAddress.map((part) => common.stringToPaddedHex(part)).join(":");
      }
      /**
       * Converts an IPv4 address object to an array of bytes.
       *
       * To get a Node.js `Buffer`, wrap the result: `Buffer.from(address.toArray())`.
       * @returns {Array}
       */
      toArray() {
        return this.parsedAddress.map((part) => parseInt(part, 10));
      }
      /**
       * Converts an IPv4 address object to an IPv6 address group
       * @returns {String}
       */
      toGroup6() {
        const output = [];
        let i;
        for (i = 0; i < constants5.GROUPS; i += 2) {
          output.push(`${common.stringToPaddedHex(this.parsedAddress[i])}${common.stringToPaddedHex(this.parsedAddress[i + 1])}`);
        }
        return output.join(":");
      }
      /**
       * Returns the address as a `bigint`
       * @returns {bigint}
       */
      bigInt() {
        return BigInt(`0x${this.parsedAddress.map((n) => common.stringToPaddedHex(n)).join("")}`);
      }
      /**
       * Helper function getting start address.
       * @returns {bigint}
       */
      _startAddress() {
        return BigInt(`0b${this.mask() + "0".repeat(constants5.BITS - this.subnetMask)}`);
      }
      /**
       * The first address in the range given by this address' subnet.
       * Often referred to as the Network Address.
       * @returns {Address4}
       */
      startAddress() {
        return _Address4.fromBigInt(this._startAddress());
      }
      /**
       * The first host address in the range given by this address's subnet ie
       * the first address after the Network Address
       * @returns {Address4}
       */
      startAddressExclusive() {
        const adjust = BigInt("1");
        return _Address4.fromBigInt(this._startAddress() + adjust);
      }
      /**
       * Returns the address `n` addresses after this one (or before, when `n` is
       * negative), keeping this address's subnet mask. Throws `AddressError` when
       * the result would fall outside the IPv4 address space or `n` is not an
       * integer.
       * @param {number | bigint} n
       * @returns {Address4}
       * @example
       * new Address4('10.0.0.0/24').offset(1).correctForm(); // '10.0.0.1'
       */
      offset(n) {
        return _Address4.fromBigInt(common.offsetBigInt(this.bigInt(), n, constants5.BITS, "IPv4")).withSubnetMask(this.subnetMask);
      }
      /**
       * Returns the network that follows this address's network: the address after
       * {@link endAddress}, with the same subnet mask. Throws `AddressError` when
       * this network is the last one in the address space.
       * @returns {Address4}
       * @example
       * new Address4('10.0.0.0/24').nextNetwork().networkForm(); // '10.0.1.0/24'
       */
      nextNetwork() {
        return _Address4.fromBigInt(common.offsetBigInt(this._endAddress(), 1, constants5.BITS, "IPv4")).withSubnetMask(this.subnetMask);
      }
      withSubnetMask(subnetMask) {
        return new _Address4(`${this.correctForm()}/${subnetMask}`);
      }
      /**
       * Helper function getting end address.
       * @returns {bigint}
       */
      _endAddress() {
        return BigInt(`0b${this.mask() + "1".repeat(constants5.BITS - this.subnetMask)}`);
      }
      /**
       * The last address in the range given by this address' subnet
       * Often referred to as the Broadcast
       * @returns {Address4}
       */
      endAddress() {
        return _Address4.fromBigInt(this._endAddress());
      }
      /**
       * The last host address in the range given by this address's subnet ie
       * the last address prior to the Broadcast Address
       * @returns {Address4}
       */
      endAddressExclusive() {
        const adjust = BigInt("1");
        return _Address4.fromBigInt(this._endAddress() - adjust);
      }
      /**
       * The dotted-decimal form of the subnet mask, e.g. `255.255.240.0` for
       * a `/20`. Returns an `Address4`; call `.correctForm()` for the string.
       * @returns {Address4}
       */
      subnetMaskAddress() {
        return _Address4.fromBigInt(BigInt(`0b${"1".repeat(this.subnetMask)}${"0".repeat(constants5.BITS - this.subnetMask)}`));
      }
      /**
       * The Cisco-style wildcard mask, e.g. `0.0.0.255` for a `/24`. This is
       * the bitwise inverse of `subnetMaskAddress()`. Returns an `Address4`;
       * call `.correctForm()` for the string.
       * @returns {Address4}
       */
      wildcardMask() {
        return _Address4.fromBigInt(BigInt(`0b${"0".repeat(this.subnetMask)}${"1".repeat(constants5.BITS - this.subnetMask)}`));
      }
      /**
       * The network address in CIDR string form, e.g. `192.168.1.0/24` for
       * `192.168.1.5/24`. For an address with no explicit subnet the prefix is
       * `/32`, e.g. `networkForm()` on `192.168.1.5` returns `192.168.1.5/32`.
       * @returns {string}
       */
      networkForm() {
        return `${this.startAddress().correctForm()}/${this.subnetMask}`;
      }
      /**
       * Converts a BigInt to a v4 address object. The value must be in the
       * range `[0, 2**32 - 1]`; otherwise `AddressError` is thrown.
       * @param {bigint} bigInt - a BigInt to convert
       * @returns {Address4}
       */
      static fromBigInt(bigInt) {
        if (bigInt < BigInt(0) || bigInt > BigInt(4294967295)) {
          throw new address_error_1.AddressError("IPv4 BigInt must be in the range 0 to 2**32 - 1");
        }
        return _Address4.fromHex(bigInt.toString(16).padStart(8, "0"));
      }
      /**
       * Convert a byte array to an Address4 object. Throws `AddressError` unless
       * given exactly 4 integers from 0 to 255. Signed bytes are rejected, so
       * this differs from `Address6.fromByteArray`, which folds them; the two
       * contracts converge on this stricter form in the next major version.
       *
       * To convert from a Node.js `Buffer`, spread it: `Address4.fromByteArray([...buf])`.
       * @param {Array<number>} bytes - an array of 4 bytes (0-255)
       * @returns {Address4}
       */
      static fromByteArray(bytes) {
        common.assertByteArray(bytes, 4, "IPv4", 0);
        return this.fromUnsignedByteArray(bytes);
      }
      /**
       * Convert an unsigned byte array to an Address4 object. Throws
       * `AddressError` unless given exactly 4 bytes, and rejects values outside
       * 0 to 255 when parsing the resulting address.
       *
       * To convert from a Node.js `Buffer`, spread it:
       * `Address4.fromUnsignedByteArray([...buf])`.
       * @param {Array<number>} bytes - an array of 4 unsigned bytes (0-255)
       * @returns {Address4}
       */
      static fromUnsignedByteArray(bytes) {
        if (bytes.length !== 4) {
          throw new address_error_1.AddressError("IPv4 addresses require exactly 4 bytes");
        }
        const address = bytes.join(".");
        return new _Address4(address);
      }
      /**
       * Returns the first n bits of the address, defaulting to the
       * subnet mask
       * @returns {String}
       */
      mask(mask) {
        if (mask === void 0) {
          mask = this.subnetMask;
        }
        return this.getBitsBase2(0, mask);
      }
      /**
       * Returns the bits in the given range as a base-2 string
       * @returns {string}
       */
      getBitsBase2(start, end) {
        return this.binaryZeroPad().slice(start, end);
      }
      /**
       * Return the reversed in-addr.arpa form of the address, e.g.
       * `42.2.0.192.in-addr.arpa.` for `192.0.2.42`.
       * @param {Object} options
       * @param {boolean} options.omitSuffix - omit the "in-addr.arpa" suffix
       * @returns {String}
       */
      reverseForm(options) {
        if (!options) {
          options = {};
        }
        const reversed = this.correctForm().split(".").reverse().join(".");
        if (options.omitSuffix) {
          return reversed;
        }
        return `${reversed}.in-addr.arpa.`;
      }
      /**
       * Returns true if the given address is a multicast address
       * @returns {boolean}
       */
      isMulticast() {
        return this.isHostInSubnet(MULTICAST_V4);
      }
      /**
       * Returns true if the address is in one of the [RFC 1918](https://datatracker.ietf.org/doc/html/rfc1918) private address ranges (`10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16`).
       * @returns {boolean}
       */
      isPrivate() {
        return PRIVATE_V4.some((subnet) => this.isHostInSubnet(subnet));
      }
      /**
       * Returns true if the address is in the loopback range `127.0.0.0/8` ([RFC 1122](https://datatracker.ietf.org/doc/html/rfc1122)).
       * @returns {boolean}
       */
      isLoopback() {
        return this.isHostInSubnet(LOOPBACK_V4);
      }
      /**
       * Returns true if the address is in the link-local range `169.254.0.0/16` ([RFC 3927](https://datatracker.ietf.org/doc/html/rfc3927)).
       * @returns {boolean}
       */
      isLinkLocal() {
        return this.isHostInSubnet(LINK_LOCAL_V4);
      }
      /**
       * Returns true if the address is the unspecified address `0.0.0.0`.
       * @returns {boolean}
       */
      isUnspecified() {
        return this.isHostInSubnet(UNSPECIFIED_V4);
      }
      /**
       * Returns true if the address is the limited broadcast address `255.255.255.255` ([RFC 919](https://datatracker.ietf.org/doc/html/rfc919)).
       * @returns {boolean}
       */
      isBroadcast() {
        return this.isHostInSubnet(BROADCAST_V4);
      }
      /**
       * Returns true if the address is in the carrier-grade NAT range `100.64.0.0/10` ([RFC 6598](https://datatracker.ietf.org/doc/html/rfc6598)).
       * @returns {boolean}
       */
      isCGNAT() {
        return this.isHostInSubnet(CGNAT_V4);
      }
      /**
       * Returns true if the address is in one of the documentation ranges
       * `192.0.2.0/24`, `198.51.100.0/24`, or `203.0.113.0/24` ([RFC 5737](https://datatracker.ietf.org/doc/html/rfc5737)).
       * @returns {boolean}
       */
      isDocumentation() {
        return DOCUMENTATION_V4.some((subnet) => this.isHostInSubnet(subnet));
      }
      /**
       * Returns true if the address is in the benchmarking range `198.18.0.0/15` ([RFC 2544](https://datatracker.ietf.org/doc/html/rfc2544)).
       * @returns {boolean}
       */
      isBenchmarking() {
        return this.isHostInSubnet(BENCHMARKING_V4);
      }
      /**
       * Returns true if the address is in the reserved range `240.0.0.0/4` ([RFC 1112](https://datatracker.ietf.org/doc/html/rfc1112)),
       * which includes the limited broadcast address.
       * @returns {boolean}
       */
      isReserved() {
        return this.isHostInSubnet(RESERVED_V4);
      }
      /**
       * Returns true if the address is globally reachable: not multicast, and not
       * in any block the [IANA IPv4 Special-Purpose Address Registry](https://www.iana.org/assignments/iana-ipv4-special-registry/)
       * marks as not globally reachable. That covers everything the individual
       * classifiers name (private, loopback, link-local, CGNAT, unspecified,
       * broadcast, documentation, benchmarking, reserved) and the blocks they do
       * not, such as `0.0.0.0/8` and the IETF protocol assignments in
       * `192.0.0.0/24`. This is the single predicate to use where a request must
       * not reach an internal or special-purpose destination; see SECURITY.md.
       * @returns {boolean}
       */
      isGlobal() {
        return !this.isMulticast() && common.isGloballyReachable.call(this, SPECIAL_PURPOSE_V4);
      }
      /**
       * Returns a zero-padded base-2 string representation of the address
       * @returns {string}
       */
      binaryZeroPad() {
        if (this._binaryZeroPad === void 0) {
          this._binaryZeroPad = this.bigInt().toString(2).padStart(constants5.BITS, "0");
        }
        return this._binaryZeroPad;
      }
      /**
       * Groups an IPv4 address for inclusion at the end of an IPv6 address.
       *
       * Returns an HTML fragment: each half of the address is wrapped in a
       * `<span>` carrying the group classes an address-inspector UI hovers on.
       * The address content is HTML-escaped; anything you concatenate around it
       * is your responsibility.
       * @returns {String}
       */
      groupForV6() {
        const segments = this.parsedAddress;
        return this.correctForm().replace(constants5.RE_ADDRESS, `<span class="hover-group group-v4 group-6">${segments.slice(0, 2).join(".")}</span>.<span class="hover-group group-v4 group-7">${segments.slice(2, 4).join(".")}</span>`);
      }
    };
    exports.Address4 = Address4;
    var MULTICAST_V4 = new Address4("224.0.0.0/4");
    var PRIVATE_V4 = [
      new Address4("10.0.0.0/8"),
      new Address4("172.16.0.0/12"),
      new Address4("192.168.0.0/16")
    ];
    var LOOPBACK_V4 = new Address4("127.0.0.0/8");
    var LINK_LOCAL_V4 = new Address4("169.254.0.0/16");
    var UNSPECIFIED_V4 = new Address4("0.0.0.0/32");
    var BROADCAST_V4 = new Address4("255.255.255.255/32");
    var CGNAT_V4 = new Address4("100.64.0.0/10");
    var DOCUMENTATION_V4 = [
      new Address4("192.0.2.0/24"),
      new Address4("198.51.100.0/24"),
      new Address4("203.0.113.0/24")
    ];
    var BENCHMARKING_V4 = new Address4("198.18.0.0/15");
    var RESERVED_V4 = new Address4("240.0.0.0/4");
    var SPECIAL_PURPOSE_V4 = constants5.SPECIAL_PURPOSE.map(([cidr, , reachable]) => ({
      subnet: new Address4(cidr),
      reachable
    }));
  }
});

// node_modules/ip-address/dist/v6/constants.js
var require_constants2 = __commonJS({
  "node_modules/ip-address/dist/v6/constants.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.SPECIAL_PURPOSE = exports.RE_URL_WITH_PORT = exports.RE_URL = exports.RE_ZONE_STRING = exports.RE_SUBNET_STRING = exports.RE_BAD_ADDRESS = exports.RE_BAD_CHARACTERS = exports.TYPES = exports.SCOPES = exports.GROUPS = exports.BITS = void 0;
    exports.BITS = 128;
    exports.GROUPS = 8;
    exports.SCOPES = {
      0: "Reserved",
      1: "Interface local",
      2: "Link local",
      4: "Admin local",
      5: "Site local",
      8: "Organization local",
      14: "Global",
      15: "Reserved"
    };
    exports.TYPES = {
      "ff01::1/128": "Multicast (All nodes on this interface)",
      "ff01::2/128": "Multicast (All routers on this interface)",
      "ff02::1/128": "Multicast (All nodes on this link)",
      "ff02::2/128": "Multicast (All routers on this link)",
      "ff05::2/128": "Multicast (All routers in this site)",
      "ff02::5/128": "Multicast (OSPFv3 AllSPF routers)",
      "ff02::6/128": "Multicast (OSPFv3 AllDR routers)",
      "ff02::9/128": "Multicast (RIP routers)",
      "ff02::a/128": "Multicast (EIGRP routers)",
      "ff02::d/128": "Multicast (PIM routers)",
      "ff02::16/128": "Multicast (MLDv2 reports)",
      "ff01::fb/128": "Multicast (mDNSv6)",
      "ff02::fb/128": "Multicast (mDNSv6)",
      "ff05::fb/128": "Multicast (mDNSv6)",
      "ff02::1:2/128": "Multicast (All DHCP servers and relay agents on this link)",
      "ff05::1:2/128": "Multicast (All DHCP servers and relay agents in this site)",
      "ff02::1:3/128": "Multicast (All DHCP servers on this link)",
      "ff05::1:3/128": "Multicast (All DHCP servers in this site)",
      "::/128": "Unspecified",
      "::1/128": "Loopback",
      "::ffff:0:0/96": "IPv4-mapped",
      "ff00::/8": "Multicast",
      "fe80::/10": "Link-local unicast",
      "fc00::/7": "Unique local",
      "2001::/32": "Teredo",
      "2001:2::/48": "Benchmarking",
      "2002::/16": "6to4",
      "2001:db8::/32": "Documentation",
      "3fff::/20": "Documentation",
      "100::/64": "Discard-only",
      "fec0::/10": "Site-local unicast (deprecated)",
      "::/96": "IPv4-compatible (deprecated)",
      "64:ff9b::/96": "NAT64 (well-known)",
      "64:ff9b:1::/48": "NAT64 (local-use)"
    };
    exports.RE_BAD_CHARACTERS = /([^0-9a-f:/%])/gi;
    exports.RE_BAD_ADDRESS = /([0-9a-f]{5,}|:{3,}|[^:]:$|^:[^:]|\/$)/gi;
    exports.RE_SUBNET_STRING = /\/\d{1,3}(?=%|$)/;
    exports.RE_ZONE_STRING = /%.*$/;
    exports.RE_URL = /^(?:\[([0-9a-f:.]+)\]|([0-9a-f:.]+))(?:[/?#].*)?$/i;
    exports.RE_URL_WITH_PORT = /^\[([0-9a-f:.]+)\]:([0-9]{1,5})(?:[/?#].*)?$/i;
    exports.SPECIAL_PURPOSE = [
      ["::1/128", "Loopback Address", false],
      ["::/128", "Unspecified Address", false],
      ["::ffff:0:0/96", "IPv4-mapped Address", false],
      ["64:ff9b::/96", "IPv4-IPv6 Translat.", true],
      ["64:ff9b:1::/48", "IPv4-IPv6 Translat.", false],
      ["100::/64", "Discard-Only Address Block", false],
      ["100:0:0:1::/64", "Dummy IPv6 Prefix", false],
      ["2001::/23", "IETF Protocol Assignments", false],
      ["2001::/32", "TEREDO", false],
      ["2001:1::1/128", "Port Control Protocol Anycast", true],
      ["2001:1::2/128", "Traversal Using Relays around NAT Anycast", true],
      ["2001:1::3/128", "DNS-SD Service Registration Protocol Anycast", true],
      ["2001:2::/48", "Benchmarking", false],
      ["2001:3::/32", "AMT", true],
      ["2001:4:112::/48", "AS112-v6", true],
      ["2001:10::/28", "Deprecated (previously ORCHID)", null],
      ["2001:20::/28", "ORCHIDv2", true],
      ["2001:30::/28", "Drone Remote ID Protocol Entity Tags (DETs) Prefix", true],
      ["2001:db8::/32", "Documentation", false],
      ["2002::/16", "6to4", false],
      ["2620:4f:8000::/48", "Direct Delegation AS112 Service", true],
      ["3fff::/20", "Documentation", false],
      ["5f00::/16", "Segment Routing (SRv6) SIDs", false],
      ["fc00::/7", "Unique-Local", false],
      ["fe80::/10", "Link-Local Unicast", false]
    ];
  }
});

// node_modules/ip-address/dist/v6/helpers.js
var require_helpers = __commonJS({
  "node_modules/ip-address/dist/v6/helpers.js"(exports) {
    "use strict";
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.escapeHtml = escapeHtml;
    exports.spanAllZeroes = spanAllZeroes;
    exports.spanAll = spanAll;
    exports.spanLeadingZeroes = spanLeadingZeroes;
    exports.simpleGroup = simpleGroup;
    function escapeHtml(s) {
      return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
    }
    function spanAllZeroes(s) {
      return escapeHtml(s).replace(/(0+)/g, '<span class="zero">$1</span>');
    }
    function spanAll(s, offset = 0) {
      const letters = s.split("");
      return letters.map((n, i) => `<span class="digit value-${escapeHtml(n)} position-${i + offset}">${spanAllZeroes(n)}</span>`).join("");
    }
    function spanLeadingZeroesSimple(group2) {
      return escapeHtml(group2).replace(/^(0+)/, '<span class="zero">$1</span>');
    }
    function spanLeadingZeroes(address) {
      const groups2 = address.split(":");
      return groups2.map((g) => spanLeadingZeroesSimple(g)).join(":");
    }
    function simpleGroup(addressString, offset = 0) {
      const groups2 = addressString.split(":");
      return groups2.map((g, i) => {
        if (/group-v4/.test(g)) {
          return g;
        }
        return `<span class="hover-group group-${i + offset}">${spanLeadingZeroesSimple(g)}</span>`;
      });
    }
  }
});

// node_modules/ip-address/dist/v6/regular-expressions.js
var require_regular_expressions = __commonJS({
  "node_modules/ip-address/dist/v6/regular-expressions.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.ADDRESS_BOUNDARY = void 0;
    exports.groupPossibilities = groupPossibilities;
    exports.padGroup = padGroup;
    exports.simpleRegularExpression = simpleRegularExpression;
    exports.possibleElisions = possibleElisions;
    var v6 = __importStar(require_constants2());
    function groupPossibilities(possibilities) {
      return `(${possibilities.join("|")})`;
    }
    function padGroup(group2) {
      if (group2.length < 4) {
        return `0{0,${4 - group2.length}}${group2}`;
      }
      return group2;
    }
    exports.ADDRESS_BOUNDARY = "[^A-Fa-f0-9:]";
    function simpleRegularExpression(groups2) {
      const zeroIndexes = [];
      groups2.forEach((group2, i) => {
        const groupInteger = parseInt(group2, 16);
        if (groupInteger === 0) {
          zeroIndexes.push(i);
        }
      });
      const possibilities = zeroIndexes.map((zeroIndex) => groups2.map((group2, i) => {
        if (i === zeroIndex) {
          const elision = i === 0 || i === v6.GROUPS - 1 ? ":" : "";
          return groupPossibilities([padGroup(group2), elision]);
        }
        return padGroup(group2);
      }).join(":"));
      possibilities.push(groups2.map(padGroup).join(":"));
      return groupPossibilities(possibilities);
    }
    function possibleElisions(elidedGroups, moreLeft, moreRight) {
      const left = moreLeft ? "" : ":";
      const right = moreRight ? "" : ":";
      const possibilities = [];
      if (!moreLeft && !moreRight) {
        possibilities.push("::");
      }
      if (moreLeft && moreRight) {
        possibilities.push("");
      }
      if (moreRight && !moreLeft || !moreRight && moreLeft) {
        possibilities.push(":");
      }
      possibilities.push(`${left}(:0{1,4}){1,${elidedGroups - 1}}`);
      possibilities.push(`(0{1,4}:){1,${elidedGroups - 1}}${right}`);
      possibilities.push(`(0{1,4}:){${elidedGroups - 1}}0{1,4}`);
      for (let groups2 = 1; groups2 < elidedGroups - 1; groups2++) {
        for (let position = 1; position < elidedGroups - groups2; position++) {
          possibilities.push(`(0{1,4}:){${position}}:(0{1,4}:){${elidedGroups - position - groups2 - 1}}0{1,4}`);
        }
      }
      return groupPossibilities(possibilities);
    }
  }
});

// node_modules/ip-address/dist/ipv6.js
var require_ipv6 = __commonJS({
  "node_modules/ip-address/dist/ipv6.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.Address6 = void 0;
    var common = __importStar(require_common());
    var constants42 = __importStar(require_constants());
    var constants6 = __importStar(require_constants2());
    var helpers = __importStar(require_helpers());
    var ipv4_1 = require_ipv4();
    var regular_expressions_1 = require_regular_expressions();
    var address_error_1 = require_address_error();
    var common_1 = require_common();
    var isCorrect6 = common.isCorrect(constants6.BITS);
    function assert(condition) {
      if (!condition) {
        throw new Error("Assertion failed.");
      }
    }
    function addCommas(number) {
      const r = /(\d+)(\d{3})/;
      while (r.test(number)) {
        number = number.replace(r, "$1,$2");
      }
      return number;
    }
    function spanLeadingZeroes4(n) {
      n = n.replace(/^(0{1,})([1-9]+)$/, '<span class="parse-error">$1</span>$2');
      n = n.replace(/^(0{1,})(0)$/, '<span class="parse-error">$1</span>$2');
      return n;
    }
    function compact(address, slice) {
      const s1 = [];
      const s2 = [];
      let i;
      for (i = 0; i < address.length; i++) {
        if (i < slice[0]) {
          s1.push(address[i]);
        } else if (i > slice[1]) {
          s2.push(address[i]);
        }
      }
      return s1.concat(["compact"]).concat(s2);
    }
    function paddedHex(octet) {
      return parseInt(octet, 16).toString(16).padStart(4, "0");
    }
    function unsignByte(b) {
      return b & 255;
    }
    var Address62 = class _Address6 {
      constructor(address, optionalGroups) {
        this.addressMinusSuffix = "";
        this.parsedSubnet = "";
        this.subnet = "/128";
        this.subnetMask = 128;
        this.v4 = false;
        this.zone = "";
        this.isInSubnet = common.isInSubnet;
        this.isHostInSubnet = common.isHostInSubnet;
        this.isCorrect = isCorrect6;
        if (optionalGroups === void 0) {
          this.groups = constants6.GROUPS;
        } else {
          this.groups = optionalGroups;
        }
        this.address = address;
        const subnet = constants6.RE_SUBNET_STRING.exec(address);
        if (subnet) {
          this.parsedSubnet = subnet[0].replace("/", "");
          this.subnetMask = parseInt(this.parsedSubnet, 10);
          this.subnet = `/${this.subnetMask}`;
          if (Number.isNaN(this.subnetMask) || this.subnetMask < 0 || this.subnetMask > constants6.BITS) {
            throw new address_error_1.AddressError("Invalid subnet mask.");
          }
          address = address.replace(constants6.RE_SUBNET_STRING, "");
        }
        if (/\//.test(address)) {
          throw new address_error_1.AddressError("Invalid subnet mask.");
        }
        const zoneStart = address.indexOf("%");
        if (zoneStart !== -1 && /^.*$/.test(address.slice(zoneStart))) {
          this.zone = address.slice(zoneStart);
          address = address.slice(0, zoneStart);
        }
        const longest2 = this.groups * 5 + 5;
        if (address.length > longest2) {
          throw new address_error_1.AddressError(`IPv6 addresses are at most ${longest2} characters.`);
        }
        this.addressMinusSuffix = address;
        this.parsedAddress = this.parse(this.addressMinusSuffix);
      }
      /**
       * Returns true if the given string is a valid IPv6 address (with optional
       * CIDR subnet and zone identifier), false otherwise. Host bits in the
       * subnet portion are allowed (e.g. `2001:db8::1/32` is valid); for strict
       * network-address validation compare `correctForm()` to
       * `startAddress().correctForm()`, or use `networkForm()`.
       */
      static isValid(address) {
        try {
          new _Address6(address);
          return true;
        } catch {
          return false;
        }
      }
      /**
       * Convert a BigInt to a v6 address object. The value must be in the
       * range `[0, 2**128 - 1]`; otherwise `AddressError` is thrown.
       * @param {bigint} bigInt - a BigInt to convert
       * @returns {Address6}
       * @example
       * var bigInt = BigInt('1000000000000');
       * var address = Address6.fromBigInt(bigInt);
       * address.correctForm(); // '::e8:d4a5:1000'
       */
      static fromBigInt(bigInt) {
        if (bigInt < BigInt(0) || bigInt > (BigInt(1) << BigInt(constants6.BITS)) - BigInt(1)) {
          throw new address_error_1.AddressError("IPv6 BigInt must be in the range 0 to 2**128 - 1");
        }
        const hex = bigInt.toString(16).padStart(32, "0");
        const groups2 = [];
        for (let i = 0; i < constants6.GROUPS; i++) {
          groups2.push(hex.slice(i * 4, (i + 1) * 4));
        }
        return new _Address6(groups2.join(":"));
      }
      /**
       * Parse a URL (with optional bracketed host and port) into an address and
       * port. Returns either `{ address, port }` on success or
       * `{ error, address: null, port: null }` if the URL could not be parsed.
       * Ports are returned as numbers (or `null` if absent or out of range).
       * @example
       * var addressAndPort = Address6.fromURL('http://[ffff::]:8080/foo/');
       * addressAndPort.address.correctForm(); // 'ffff::'
       * addressAndPort.port; // 8080
       */
      static fromURL(url) {
        var _a;
        let host;
        let port3 = null;
        let result;
        let error;
        const stripped = url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, "");
        if (stripped.indexOf("[") !== -1 && stripped.indexOf("]:") !== -1) {
          error = "failed to parse address with port";
          result = constants6.RE_URL_WITH_PORT.exec(stripped);
          if (result === null) {
            return { error, address: null, port: null };
          }
          host = result[1];
          port3 = result[2];
        } else {
          error = "failed to parse address from URL";
          result = constants6.RE_URL.exec(stripped);
          if (result === null) {
            return { error, address: null, port: null };
          }
          host = (_a = result[1]) !== null && _a !== void 0 ? _a : result[2];
        }
        if (port3) {
          port3 = parseInt(port3, 10);
          if (port3 < 0 || port3 > 65535) {
            port3 = null;
          }
        } else {
          port3 = null;
        }
        let address;
        try {
          address = new _Address6(host);
        } catch {
          return { error, address: null, port: null };
        }
        return { address, port: port3 };
      }
      /**
       * Construct an `Address6` from an address and a hex subnet mask given as
       * separate strings (e.g. as returned by Node's `os.networkInterfaces()`).
       * Throws `AddressError` if the mask is non-contiguous (e.g.
       * `ffff::ffff`).
       * @example
       * var address = Address6.fromAddressAndMask('fe80::1', 'ffff:ffff:ffff:ffff::');
       * address.subnetMask; // 64
       */
      static fromAddressAndMask(address, mask) {
        const bits = common.prefixLengthFromMask(new _Address6(mask).bigInt(), constants6.BITS);
        return new _Address6(`${address}/${bits}`);
      }
      /**
       * Construct an `Address6` from an address and a Cisco-style wildcard mask
       * given as separate strings (e.g. `::ffff:ffff:ffff:ffff` for a `/64`).
       * The wildcard mask is the bitwise inverse of the subnet mask. Throws
       * `AddressError` if the mask is non-contiguous.
       * @example
       * var address = Address6.fromAddressAndWildcardMask('fe80::1', '::ffff:ffff:ffff:ffff');
       * address.subnetMask; // 64
       */
      static fromAddressAndWildcardMask(address, wildcardMask) {
        const wildcard = new _Address6(wildcardMask).bigInt();
        const allOnes = (BigInt(1) << BigInt(constants6.BITS)) - BigInt(1);
        const mask = wildcard ^ allOnes;
        const bits = common.prefixLengthFromMask(mask, constants6.BITS);
        return new _Address6(`${address}/${bits}`);
      }
      /**
       * Construct an `Address6` from a wildcard pattern with trailing `*`
       * groups. The number of trailing wildcards determines the prefix
       * length: each `*` represents 16 bits. `::` is expanded to zero groups
       * (not wildcards) before evaluating trailing wildcards.
       *
       * Only trailing whole-group wildcards are supported. Partial-group
       * wildcards (e.g. `2001:db8::0*`) and interior wildcards (e.g.
       * `*::1`) throw `AddressError`.
       * @example
       * Address6.fromWildcard('2001:db8:*:*:*:*:*:*').subnet;  // '/32'
       * Address6.fromWildcard('2001:db8::*').subnet;           // '/112'
       * Address6.fromWildcard('*:*:*:*:*:*:*:*').subnet;       // '/0'
       */
      static fromWildcard(input) {
        if (input.includes("%") || input.includes("/")) {
          throw new address_error_1.AddressError("Wildcard pattern must not include a zone or CIDR suffix");
        }
        const halves = input.split("::");
        if (halves.length > 2) {
          throw new address_error_1.AddressError("Wildcard pattern cannot contain more than one '::'");
        }
        let groups2;
        if (halves.length === 2) {
          const left = halves[0] === "" ? [] : halves[0].split(":");
          const right = halves[1] === "" ? [] : halves[1].split(":");
          const remaining = constants6.GROUPS - left.length - right.length;
          if (remaining < 1) {
            throw new address_error_1.AddressError("Wildcard pattern with '::' has too many groups");
          }
          groups2 = [...left, ...new Array(remaining).fill("0"), ...right];
        } else {
          groups2 = input.split(":");
        }
        if (groups2.length !== constants6.GROUPS) {
          throw new address_error_1.AddressError("Wildcard pattern must have 8 groups");
        }
        let firstWildcard = -1;
        for (let i = 0; i < groups2.length; i++) {
          if (groups2[i] === "*") {
            if (firstWildcard === -1) {
              firstWildcard = i;
            }
          } else if (firstWildcard !== -1) {
            throw new address_error_1.AddressError("Wildcard `*` must only appear in trailing groups (e.g. `2001:db8:*:*:*:*:*:*`)");
          }
        }
        const trailing = firstWildcard === -1 ? 0 : groups2.length - firstWildcard;
        const replaced = groups2.map((g) => g === "*" ? "0" : g);
        const subnetBits = constants6.BITS - trailing * 16;
        return new _Address6(`${replaced.join(":")}/${subnetBits}`);
      }
      /**
       * Create an IPv6-mapped address given an IPv4 address
       * @param {string} address - An IPv4 address string
       * @returns {Address6}
       * @example
       * var address = Address6.fromAddress4('192.168.0.1');
       * address.correctForm(); // '::ffff:c0a8:1'
       * address.to4in6(); // '::ffff:192.168.0.1'
       */
      static fromAddress4(address) {
        const address4 = new ipv4_1.Address4(address);
        const mask6 = constants6.BITS - (constants42.BITS - address4.subnetMask);
        return new _Address6(`::ffff:${address4.correctForm()}/${mask6}`);
      }
      /**
       * Return an address from ip6.arpa form. A full 32-nibble name gives a /128
       * address; a shorter name, as used for a delegated reverse zone, gives the
       * network it covers, with a subnet mask of four bits per nibble, so
       * `fromArpa(x.reverseForm())` round-trips {@link reverseForm} for any prefix.
       * @param {string} arpaFormAddress - an 'ip6.arpa' form address
       * @returns {Adress6}
       * @example
       * var address = Address6.fromArpa(e.f.f.f.3.c.2.6.f.f.f.e.6.6.8.e.1.0.6.7.9.4.e.c.0.0.0.0.1.0.0.2.ip6.arpa.)
       * address.correctForm(); // '2001:0:ce49:7601:e866:efff:62c3:fffe'
       * Address6.fromArpa('8.b.d.0.1.0.0.2.ip6.arpa.').networkForm(); // '2001:db8::/32'
       */
      static fromArpa(arpaFormAddress) {
        const nibbles = arpaFormAddress.replace(/(\.ip6\.arpa)?\.?$/i, "");
        if (!/^[0-9a-f](\.[0-9a-f]){0,31}$/i.test(nibbles)) {
          throw new address_error_1.AddressError("Invalid 'ip6.arpa' form.");
        }
        const reversed = nibbles.split(".").reverse();
        const subnetMask = reversed.length * 4;
        const hex = reversed.join("").padEnd(32, "0");
        const groups2 = [];
        for (let i = 0; i < constants6.GROUPS; i++) {
          groups2.push(hex.slice(i * 4, (i + 1) * 4));
        }
        return new _Address6(`${groups2.join(":")}/${subnetMask}`);
      }
      /**
       * Return the Microsoft UNC transcription of the address
       * @returns {String} the Microsoft UNC transcription of the address
       */
      microsoftTranscription() {
        return `${this.correctForm().replace(/:/g, "-")}.ipv6-literal.net`;
      }
      /**
       * Return the first n bits of the address, defaulting to the subnet mask
       * @param {number} [mask=subnet] - the number of bits to mask
       * @returns {String} the first n bits of the address as a string
       */
      mask(mask = this.subnetMask) {
        return this.getBitsBase2(0, mask);
      }
      /**
       * Return the number of possible subnets of a given size in the address
       * @param {number} [subnetSize=128] - the subnet size
       * @returns {String}
       */
      // TODO: probably useful to have a numeric version of this too
      possibleSubnets(subnetSize = 128) {
        const availableBits = constants6.BITS - this.subnetMask;
        const subnetBits = Math.abs(subnetSize - constants6.BITS);
        const subnetPowers = availableBits - subnetBits;
        if (subnetPowers < 0) {
          return "0";
        }
        return addCommas((BigInt("2") ** BigInt(subnetPowers)).toString(10));
      }
      /**
       * Helper function getting start address.
       * @returns {bigint}
       */
      _startAddress() {
        return BigInt(`0b${this.mask() + "0".repeat(constants6.BITS - this.subnetMask)}`);
      }
      /**
       * The first address in the range given by this address' subnet
       * Often referred to as the Network Address.
       * @returns {Address6}
       */
      startAddress() {
        return _Address6.fromBigInt(this._startAddress());
      }
      /**
       * The first host address in the range given by this address's subnet ie
       * the first address after the Network Address
       * @returns {Address6}
       */
      startAddressExclusive() {
        const adjust = BigInt("1");
        return _Address6.fromBigInt(this._startAddress() + adjust);
      }
      /**
       * Helper function getting end address.
       * @returns {bigint}
       */
      _endAddress() {
        return BigInt(`0b${this.mask() + "1".repeat(constants6.BITS - this.subnetMask)}`);
      }
      /**
       * The last address in the range given by this address's subnet. IPv6 has
       * no broadcast address, so this is an ordinary assignable address (in a
       * 64-bit-interface-identifier subnet it falls inside the reserved
       * subnet-anycast block of [RFC 2526](https://datatracker.ietf.org/doc/html/rfc2526)).
       * @returns {Address6}
       */
      endAddress() {
        return _Address6.fromBigInt(this._endAddress());
      }
      /**
       * The address one before {@link endAddress}. This is the IPv6 counterpart
       * of the IPv4 method that skips the broadcast address; IPv6 has no broadcast,
       * so it drops exactly one address and does not model the 128 reserved
       * subnet-anycast identifiers of [RFC 2526](https://datatracker.ietf.org/doc/html/rfc2526).
       * @returns {Address6}
       */
      endAddressExclusive() {
        const adjust = BigInt("1");
        return _Address6.fromBigInt(this._endAddress() - adjust);
      }
      /**
       * Returns the address `n` addresses after this one (or before, when `n` is
       * negative), keeping this address's subnet mask. Throws `AddressError` when
       * the result would fall outside the IPv6 address space or `n` is not an
       * integer.
       * @param {number | bigint} n
       * @returns {Address6}
       * @example
       * new Address6('2001:db8::/64').offset(1).correctForm(); // '2001:db8::1'
       */
      offset(n) {
        return _Address6.fromBigInt(common.offsetBigInt(this.bigInt(), n, constants6.BITS, "IPv6")).withSubnetMask(this.subnetMask);
      }
      /**
       * Returns the network that follows this address's network: the address after
       * {@link endAddress}, with the same subnet mask. Throws `AddressError` when
       * this network is the last one in the address space.
       * @returns {Address6}
       * @example
       * new Address6('2001:db8::/64').nextNetwork().networkForm(); // '2001:db8:0:1::/64'
       */
      nextNetwork() {
        return _Address6.fromBigInt(common.offsetBigInt(this._endAddress(), 1, constants6.BITS, "IPv6")).withSubnetMask(this.subnetMask);
      }
      withSubnetMask(subnetMask) {
        return new _Address6(`${this.correctForm()}/${subnetMask}`);
      }
      /**
       * The hex form of the subnet mask, e.g. `ffff:ffff:ffff:ffff::` for a
       * `/64`. Returns an `Address6`; call `.correctForm()` for the string.
       * @returns {Address6}
       */
      subnetMaskAddress() {
        return _Address6.fromBigInt(BigInt(`0b${"1".repeat(this.subnetMask)}${"0".repeat(constants6.BITS - this.subnetMask)}`));
      }
      /**
       * The Cisco-style wildcard mask, e.g. `::ffff:ffff:ffff:ffff` for a
       * `/64`. This is the bitwise inverse of `subnetMaskAddress()`. Returns
       * an `Address6`; call `.correctForm()` for the string.
       * @returns {Address6}
       */
      wildcardMask() {
        return _Address6.fromBigInt(BigInt(`0b${"0".repeat(this.subnetMask)}${"1".repeat(constants6.BITS - this.subnetMask)}`));
      }
      /**
       * The network address in CIDR string form, e.g. `2001:db8::/32` for
       * `2001:db8::1/32`. For an address with no explicit subnet the prefix
       * is `/128`, e.g. `networkForm()` on `2001:db8::1` returns
       * `2001:db8::1/128`.
       * @returns {string}
       */
      networkForm() {
        return `${this.startAddress().correctForm()}/${this.subnetMask}`;
      }
      /**
       * Return the scope of the address. The 4-bit scope field
       * ([RFC 4291 §2.7](https://datatracker.ietf.org/doc/html/rfc4291#section-2.7))
       * is only defined for multicast addresses; for unicast addresses the scope
       * is derived from the address type per
       * [RFC 4007 §6](https://datatracker.ietf.org/doc/html/rfc4007#section-6).
       * @returns {String}
       */
      getScope() {
        const type = this.getType();
        if (type === "Multicast" || type.startsWith("Multicast ")) {
          const scope = constants6.SCOPES[parseInt(this.getBits(12, 16).toString(10), 10)];
          return scope || "Unknown";
        }
        if (type === "Link-local unicast" || type === "Loopback") {
          return "Link local";
        }
        if (type === "Unspecified") {
          return "Unknown";
        }
        return "Global";
      }
      /**
       * Return the type of the address
       * @returns {String}
       */
      getType() {
        for (let i = 0; i < TYPE_SUBNETS.length; i++) {
          const entry2 = TYPE_SUBNETS[i];
          if (this.isHostInSubnet(entry2[0])) {
            return entry2[1];
          }
        }
        return "Global unicast";
      }
      /**
       * Return the bits in the given range as a BigInt
       * @returns {bigint}
       */
      getBits(start, end) {
        return BigInt(`0b${this.getBitsBase2(start, end)}`);
      }
      /**
       * Return the bits in the given range as a base-2 string
       * @returns {String}
       */
      getBitsBase2(start, end) {
        return this.binaryZeroPad().slice(start, end);
      }
      /**
       * Return the bits in the given range as a base-16 string
       * @returns {String}
       */
      getBitsBase16(start, end) {
        const length = end - start;
        if (length % 4 !== 0) {
          throw new Error("Length of bits to retrieve must be divisible by four");
        }
        return this.getBits(start, end).toString(16).padStart(length / 4, "0");
      }
      /**
       * Return the bits that are set past the subnet mask length
       * @returns {String}
       */
      getBitsPastSubnet() {
        return this.getBitsBase2(this.subnetMask, constants6.BITS);
      }
      /**
       * Return the reversed ip6.arpa form of the address
       * @param {Object} options
       * @param {boolean} options.omitSuffix - omit the "ip6.arpa" suffix
       * @returns {String}
       */
      reverseForm(options) {
        if (!options) {
          options = {};
        }
        const characters = Math.floor(this.subnetMask / 4);
        const reversed = this.canonicalForm().replace(/:/g, "").split("").slice(0, characters).reverse().join(".");
        if (characters > 0) {
          if (options.omitSuffix) {
            return reversed;
          }
          return `${reversed}.ip6.arpa.`;
        }
        if (options.omitSuffix) {
          return "";
        }
        return "ip6.arpa.";
      }
      /**
       * Returns the address in correct form, per
       * [RFC 5952](https://datatracker.ietf.org/doc/html/rfc5952): leading zeros
       * stripped, the longest run of zero groups collapsed to `::`, and hex digits
       * lowercased (e.g. `2001:db8::1`). This is the recommended form for display.
       */
      correctForm() {
        let i;
        let groups2 = [];
        let zeroCounter = 0;
        const zeroes = [];
        for (i = 0; i < this.parsedAddress.length; i++) {
          const value = parseInt(this.parsedAddress[i], 16);
          if (value === 0) {
            zeroCounter++;
          }
          if (value !== 0 && zeroCounter > 0) {
            if (zeroCounter > 1) {
              zeroes.push([i - zeroCounter, i - 1]);
            }
            zeroCounter = 0;
          }
        }
        if (zeroCounter > 1) {
          zeroes.push([this.parsedAddress.length - zeroCounter, this.parsedAddress.length - 1]);
        }
        const zeroLengths = zeroes.map((n) => n[1] - n[0] + 1);
        if (zeroes.length > 0) {
          const index = zeroLengths.indexOf(Math.max(...zeroLengths));
          groups2 = compact(this.parsedAddress, zeroes[index]);
        } else {
          groups2 = this.parsedAddress;
        }
        for (i = 0; i < groups2.length; i++) {
          if (groups2[i] !== "compact") {
            groups2[i] = parseInt(groups2[i], 16).toString(16);
          }
        }
        let correct = groups2.join(":");
        correct = correct.replace(/^compact$/, "::");
        correct = correct.replace(/(^compact)|(compact$)/, ":");
        correct = correct.replace(/compact/, "");
        return correct;
      }
      /**
       * Return a zero-padded base-2 string representation of the address
       * @returns {String}
       * @example
       * var address = new Address6('2001:4860:4001:803::1011');
       * address.binaryZeroPad();
       * // '0010000000000001010010000110000001000000000000010000100000000011
       * //  0000000000000000000000000000000000000000000000000001000000010001'
       */
      binaryZeroPad() {
        if (this._binaryZeroPad === void 0) {
          this._binaryZeroPad = this.bigInt().toString(2).padStart(constants6.BITS, "0");
        }
        return this._binaryZeroPad;
      }
      /**
       * Parses a v4-in-v6 string (e.g. `::ffff:192.168.0.1`) by extracting the
       * trailing IPv4 address into `this.address4` / `this.parsedAddress4` and
       * returning the address with the v4 portion converted to two v6 groups.
       * Used internally by `parse()`.
       */
      // TODO: Improve the semantics of this helper function
      parse4in6(address) {
        if (address.indexOf(".") === -1) {
          return address;
        }
        const groups2 = address.split(":");
        const lastGroup = groups2.slice(-1)[0];
        const v4Octets = lastGroup.split(".");
        if (v4Octets.length === constants42.GROUPS && v4Octets.every((octet) => /^\d{1,3}$/.test(octet))) {
          if (v4Octets.some((octet) => /^0\d/.test(octet))) {
            const highlighted = v4Octets.map(spanLeadingZeroes4).join(".");
            const prefix = groups2.slice(0, -1).map(helpers.escapeHtml).join(":");
            const separator = groups2.length > 1 ? ":" : "";
            throw new address_error_1.AddressError("IPv4 addresses can't have leading zeroes.", `${prefix}${separator}${highlighted}`);
          }
        }
        const address4 = lastGroup.match(constants42.RE_ADDRESS);
        if (address4) {
          this.parsedAddress4 = address4[0];
          const v4Suffix = this.subnetMask >= 96 ? `/${this.subnetMask - 96}` : "";
          this.address4 = new ipv4_1.Address4(`${this.parsedAddress4}${v4Suffix}`);
          this.v4 = true;
          groups2[groups2.length - 1] = this.address4.toGroup6();
          address = groups2.join(":");
        }
        return address;
      }
      /**
       * Parses an IPv6 address string into its 8 hexadecimal groups (expanding
       * any `::` elision and any trailing v4-in-v6 portion) and stores the result
       * on `this.parsedAddress`. Called automatically by the constructor; you
       * typically don't need to call it directly. Throws `AddressError` if the
       * input is malformed.
       */
      // TODO: Make private?
      parse(address) {
        address = this.parse4in6(address);
        const badCharacters = address.match(constants6.RE_BAD_CHARACTERS);
        if (badCharacters) {
          throw new address_error_1.AddressError(`Bad character${badCharacters.length > 1 ? "s" : ""} detected in address: ${badCharacters.join("")}`, address.replace(constants6.RE_BAD_CHARACTERS, (character) => `<span class="parse-error">${helpers.escapeHtml(character)}</span>`));
        }
        const badAddress = address.match(constants6.RE_BAD_ADDRESS);
        if (badAddress) {
          throw new address_error_1.AddressError(`Address failed regex: ${badAddress.join("")}`, address.replace(constants6.RE_BAD_ADDRESS, '<span class="parse-error">$1</span>'));
        }
        let groups2 = [];
        const halves = address.split("::");
        if (halves.length === 2) {
          let first = halves[0].split(":");
          let last = halves[1].split(":");
          if (first.length === 1 && first[0] === "") {
            first = [];
          }
          if (last.length === 1 && last[0] === "") {
            last = [];
          }
          const remaining = this.groups - (first.length + last.length);
          if (!remaining) {
            throw new address_error_1.AddressError("Error parsing groups");
          }
          this.elidedGroups = remaining;
          this.elisionBegin = first.length;
          this.elisionEnd = first.length + this.elidedGroups;
          groups2 = groups2.concat(first);
          for (let i = 0; i < remaining; i++) {
            groups2.push("0");
          }
          groups2 = groups2.concat(last);
        } else if (halves.length === 1) {
          groups2 = address.split(":");
          this.elidedGroups = 0;
        } else {
          throw new address_error_1.AddressError("Too many :: groups found");
        }
        groups2 = groups2.map((group2) => parseInt(group2, 16).toString(16));
        if (groups2.length !== this.groups) {
          throw new address_error_1.AddressError("Incorrect number of groups found");
        }
        return groups2;
      }
      /**
       * Returns the canonical (fully expanded) form of the address: all 8 groups,
       * each padded to 4 hex digits, with no `::` collapsing
       * (e.g. `2001:0db8:0000:0000:0000:0000:0000:0001`). Useful for sorting and
       * byte-exact comparison.
       */
      canonicalForm() {
        return this.parsedAddress.map(paddedHex).join(":");
      }
      /**
       * Return the decimal form of the address
       * @returns {String}
       */
      decimal() {
        return this.parsedAddress.map((n) => parseInt(n, 16).toString(10).padStart(5, "0")).join(":");
      }
      /**
       * Return the address as a BigInt
       * @returns {bigint}
       */
      bigInt() {
        return BigInt(`0x${this.parsedAddress.map(paddedHex).join("")}`);
      }
      /**
       * Return the last two groups of this address as an IPv4 address string.
       * If this address carries a CIDR prefix that covers the trailing 32 bits
       * (i.e. `subnetMask >= 96`), the resulting `Address4` inherits the
       * corresponding v4 prefix (`subnetMask - 96`); otherwise it defaults to
       * `/32`.
       * @returns {Address4}
       * @example
       * var address = new Address6('2001:4860:4001::1825:bf11');
       * address.to4().correctForm(); // '24.37.191.17'
       */
      to4() {
        const binary = this.binaryZeroPad().split("");
        const hex = BigInt(`0b${binary.slice(96, 128).join("")}`).toString(16).padStart(8, "0");
        if (this.subnetMask >= 96) {
          const v4Mask = this.subnetMask - 96;
          const groups2 = [];
          for (let i = 0; i < 8; i += 2) {
            groups2.push(parseInt(hex.slice(i, i + 2), 16));
          }
          return new ipv4_1.Address4(`${groups2.join(".")}/${v4Mask}`);
        }
        return ipv4_1.Address4.fromHex(hex);
      }
      /**
       * Return the v4-in-v6 form of the address
       * @returns {String}
       */
      to4in6() {
        const address4 = this.to4();
        const address6 = new _Address6(this.parsedAddress.slice(0, 6).join(":"), 6);
        const correct = address6.correctForm();
        let infix = "";
        if (!/:$/.test(correct)) {
          infix = ":";
        }
        return correct + infix + address4.correctForm();
      }
      /**
       * Decodes the Teredo tunneling fields embedded in this address. Returns the
       * Teredo prefix, server IPv4, client IPv4, raw flag bits, cone-NAT flag,
       * UDP port, and Microsoft-format flag breakdown (reserved, universal/local,
       * group/individual, nonce). Only meaningful for addresses in `2001::/32`.
       */
      inspectTeredo() {
        const prefix = this.getBitsBase16(0, 32);
        const bitsForUdpPort = this.getBits(80, 96);
        const udpPort = (bitsForUdpPort ^ BigInt("0xffff")).toString();
        const server4 = ipv4_1.Address4.fromHex(this.getBitsBase16(32, 64));
        const bitsForClient4 = this.getBits(96, 128);
        const client4 = ipv4_1.Address4.fromHex((bitsForClient4 ^ BigInt("0xffffffff")).toString(16).padStart(8, "0"));
        const flagsBase2 = this.getBitsBase2(64, 80);
        const coneNat = (0, common_1.testBit)(flagsBase2, 15);
        const reserved = (0, common_1.testBit)(flagsBase2, 14);
        const groupIndividual = (0, common_1.testBit)(flagsBase2, 8);
        const universalLocal = (0, common_1.testBit)(flagsBase2, 9);
        const nonce = BigInt(`0b${flagsBase2.slice(2, 6) + flagsBase2.slice(8, 16)}`).toString(10);
        return {
          prefix: `${prefix.slice(0, 4)}:${prefix.slice(4, 8)}`,
          server4: server4.address,
          client4: client4.address,
          flags: flagsBase2,
          coneNat,
          microsoft: {
            reserved,
            universalLocal,
            groupIndividual,
            nonce
          },
          udpPort
        };
      }
      /**
       * Decodes the 6to4 tunneling fields embedded in this address. Returns the
       * 6to4 prefix and the embedded IPv4 gateway address. Only meaningful for
       * addresses in `2002::/16`.
       */
      inspect6to4() {
        const prefix = this.getBitsBase16(0, 16);
        const gateway = ipv4_1.Address4.fromHex(this.getBitsBase16(16, 48));
        return {
          prefix: prefix.slice(0, 4),
          gateway: gateway.address
        };
      }
      /**
       * Return a v6 6to4 address from a v6 v4inv6 address
       * @returns {Address6}
       */
      to6to4() {
        if (!this.is4()) {
          return null;
        }
        const addr6to4 = [
          "2002",
          this.getBitsBase16(96, 112),
          this.getBitsBase16(112, 128),
          "",
          "/16"
        ].join(":");
        return new _Address6(addr6to4);
      }
      /**
       * Embed an IPv4 address into a NAT64 IPv6 address using the encoding
       * defined by [RFC 6052](https://datatracker.ietf.org/doc/html/rfc6052).
       * The default prefix is the well-known prefix `64:ff9b::/96`. The prefix
       * length must be one of 32, 40, 48, 56, 64, or 96; for prefixes shorter
       * than /64 the IPv4 octets are split around the reserved bits 64–71.
       * @example
       * Address6.fromAddress4Nat64('192.0.2.33').correctForm(); // '64:ff9b::c000:221'
       * Address6.fromAddress4Nat64('192.0.2.33', '2001:db8::/32').correctForm(); // '2001:db8:c000:221::'
       */
      static fromAddress4Nat64(address, prefix = "64:ff9b::/96") {
        const v4 = new ipv4_1.Address4(address);
        const prefix6 = new _Address6(prefix);
        const pl = prefix6.subnetMask;
        if (pl !== 32 && pl !== 40 && pl !== 48 && pl !== 56 && pl !== 64 && pl !== 96) {
          throw new address_error_1.AddressError("NAT64 prefix length must be 32, 40, 48, 56, 64, or 96");
        }
        const prefixBits = prefix6.binaryZeroPad();
        const v4Bits = v4.binaryZeroPad();
        let bits;
        if (pl === 96) {
          bits = prefixBits.slice(0, 96) + v4Bits;
        } else {
          const beforeU = 64 - pl;
          bits = [
            prefixBits.slice(0, pl),
            v4Bits.slice(0, beforeU),
            // Bits 64 to 71 are the reserved u octet and are always zero.
            "00000000",
            v4Bits.slice(beforeU),
            "0".repeat(128 - 72 - (32 - beforeU))
          ].join("");
        }
        const hex = BigInt(`0b${bits}`).toString(16).padStart(32, "0");
        const groups2 = [];
        for (let i = 0; i < 8; i++) {
          groups2.push(hex.slice(i * 4, (i + 1) * 4));
        }
        return new _Address6(groups2.join(":"));
      }
      /**
       * Extract the embedded IPv4 address from a NAT64 IPv6 address using the
       * encoding defined by [RFC 6052](https://datatracker.ietf.org/doc/html/rfc6052).
       * The default prefix is the well-known prefix `64:ff9b::/96`. Returns
       * `null` if this address is not contained within the given prefix.
       * @example
       * new Address6('64:ff9b::c000:221').toAddress4Nat64()!.correctForm(); // '192.0.2.33'
       */
      toAddress4Nat64(prefix = "64:ff9b::/96") {
        const prefix6 = new _Address6(prefix);
        const pl = prefix6.subnetMask;
        if (pl !== 32 && pl !== 40 && pl !== 48 && pl !== 56 && pl !== 64 && pl !== 96) {
          throw new address_error_1.AddressError("NAT64 prefix length must be 32, 40, 48, 56, 64, or 96");
        }
        if (!this.isHostInSubnet(prefix6)) {
          return null;
        }
        const bits = this.binaryZeroPad();
        let v4Bits;
        if (pl === 96) {
          v4Bits = bits.slice(96, 128);
        } else {
          const beforeU = 64 - pl;
          v4Bits = bits.slice(pl, pl + beforeU) + bits.slice(72, 72 + (32 - beforeU));
        }
        const octets = [];
        for (let i = 0; i < 4; i++) {
          octets.push(parseInt(v4Bits.slice(i * 8, (i + 1) * 8), 2).toString());
        }
        return new ipv4_1.Address4(octets.join("."));
      }
      /**
       * Return a byte array.
       *
       * To get a Node.js `Buffer`, wrap the result: `Buffer.from(address.toByteArray())`.
       * @returns {Array}
       */
      toByteArray() {
        const value = this.bigInt().toString(16).padStart(constants6.BITS / 4, "0");
        const bytes = [];
        for (let i = 0, length = value.length; i < length; i += 2) {
          bytes.push(parseInt(value.substring(i, i + 2), 16));
        }
        return bytes;
      }
      /**
       * Return an unsigned byte array.
       *
       * To get a Node.js `Buffer`, wrap the result: `Buffer.from(address.toUnsignedByteArray())`.
       * @returns {Array}
       */
      toUnsignedByteArray() {
        return this.toByteArray().map(unsignByte);
      }
      /**
       * Convert a byte array to an Address6 object.
       *
       * Accepts unsigned bytes (0 to 255) or signed bytes (-128 to 127, as an
       * `Int8Array` or a Java `byte[]` holds them), folding signed values to their
       * unsigned equivalent. Throws `AddressError` unless given exactly 16
       * integers from -128 to 255.
       *
       * To convert from a Node.js `Buffer`, spread it: `Address6.fromByteArray([...buf])`.
       * @returns {Address6}
       */
      static fromByteArray(bytes) {
        common.assertByteArray(bytes, 16, "IPv6", -128);
        return this.fromUnsignedByteArray(bytes.map(unsignByte));
      }
      /**
       * Convert an unsigned byte array to an Address6 object.
       *
       * Throws `AddressError` unless given exactly 16 integers from 0 to 255.
       *
       * To convert from a Node.js `Buffer`, spread it: `Address6.fromUnsignedByteArray([...buf])`.
       * @returns {Address6}
       */
      static fromUnsignedByteArray(bytes) {
        common.assertByteArray(bytes, 16, "IPv6", 0);
        const BYTE_MAX = BigInt("256");
        let result = BigInt("0");
        let multiplier = BigInt("1");
        for (let i = bytes.length - 1; i >= 0; i--) {
          result += multiplier * BigInt(bytes[i].toString(10));
          multiplier *= BYTE_MAX;
        }
        return _Address6.fromBigInt(result);
      }
      /**
       * Returns true if the address is in the canonical form, false otherwise
       * @returns {boolean}
       */
      isCanonical() {
        return this.addressMinusSuffix === this.canonicalForm();
      }
      /**
       * Returns true if the address is a link-local unicast address in `fe80::/10`
       * ([RFC 4291 §2.4](https://datatracker.ietf.org/doc/html/rfc4291#section-2.4))
       * or an IPv4-mapped / NAT64 address whose embedded IPv4 address is link-local
       * (`169.254.0.0/16`, e.g. `::ffff:169.254.169.254`), false otherwise.
       * @returns {boolean}
       */
      isLinkLocal() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isLinkLocal();
        }
        return this.isHostInSubnet(LINK_LOCAL_SUBNET);
      }
      /**
       * Returns true if the address is a multicast address, false otherwise
       * @returns {boolean}
       */
      isMulticast() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isMulticast();
        }
        const type = this.getType();
        return type === "Multicast" || type.startsWith("Multicast ");
      }
      /**
       * Returns true if the address was written in v4-in-v6 dotted-quad notation
       * (e.g. `::ffff:127.0.0.1`), false otherwise. This is a notation-level flag
       * and does not reflect whether the address bits lie in the IPv4-mapped
       * (`::ffff:0:0/96`) subnet — for that, see {@link isMapped4}.
       * @returns {boolean}
       */
      is4() {
        return this.v4;
      }
      /**
       * Returns true if the address is an IPv4-mapped IPv6 address in
       * `::ffff:0:0/96` ([RFC 4291 §2.5.5.2](https://datatracker.ietf.org/doc/html/rfc4291#section-2.5.5.2)),
       * false otherwise. Unlike {@link is4}, this checks the underlying address
       * bits rather than the textual notation, so `::ffff:127.0.0.1` and
       * `::ffff:7f00:1` both return true.
       * @returns {boolean}
       */
      isMapped4() {
        return this.isHostInSubnet(IPV4_MAPPED_SUBNET);
      }
      /**
       * If this address embeds a routable IPv4 address — i.e. it is IPv4-mapped
       * (`::ffff:0:0/96`) or sits in the NAT64 well-known prefix (`64:ff9b::/96`,
       * [RFC 6052](https://datatracker.ietf.org/doc/html/rfc6052)) — return that
       * embedded address as an {@link Address4}; otherwise return null.
       *
       * The special-property checks (`isLoopback`, `isLinkLocal`, `isMulticast`,
       * `isUnspecified`, `isPrivate`, `isCGNAT`, `isBroadcast`) call this first and
       * delegate to the embedded {@link Address4} when present, so a literal such as
       * `::ffff:127.0.0.1` is classified by what it actually reaches (loopback)
       * rather than by its IPv6 wrapper (which `getType()` reports as IPv4-mapped).
       * This matters wherever the checks back a trust-boundary decision (e.g. an
       * SSRF allow/deny filter): without normalization, `::ffff:10.0.0.1`,
       * `::ffff:169.254.169.254`, `64:ff9b::7f00:1`, etc. would all read as
       * non-internal.
       * @returns {Address4 | null}
       */
      embeddedIPv4() {
        if (this.isMapped4() || this.isHostInSubnet(NAT64_WELL_KNOWN_SUBNET)) {
          return this.to4();
        }
        return null;
      }
      /**
       * Returns true if the address is a Teredo address, false otherwise
       * @returns {boolean}
       */
      isTeredo() {
        return this.isHostInSubnet(TEREDO_SUBNET);
      }
      /**
       * Returns true if the address is a 6to4 address, false otherwise
       * @returns {boolean}
       */
      is6to4() {
        return this.isHostInSubnet(SIX_TO_FOUR_SUBNET);
      }
      /**
       * Returns true if the address is a loopback address, false otherwise
       * @returns {boolean}
       */
      isLoopback() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isLoopback();
        }
        return this.getType() === "Loopback";
      }
      /**
       * Returns true if the address is a Unique Local Address in `fc00::/7` ([RFC 4193](https://datatracker.ietf.org/doc/html/rfc4193)). ULAs are the IPv6 equivalent of IPv4 [RFC 1918](https://datatracker.ietf.org/doc/html/rfc1918) private addresses.
       * @returns {boolean}
       */
      isULA() {
        return this.isHostInSubnet(ULA_SUBNET);
      }
      /**
       * Returns true if the address is private, i.e. a Unique Local Address in
       * `fc00::/7` ([RFC 4193](https://datatracker.ietf.org/doc/html/rfc4193)), an
       * address in the NAT64 local-use range `64:ff9b:1::/48`
       * ([RFC 8215](https://datatracker.ietf.org/doc/html/rfc8215)), or an
       * IPv4-mapped / NAT64 well-known address whose embedded IPv4 address is in
       * one of the [RFC 1918](https://datatracker.ietf.org/doc/html/rfc1918)
       * private ranges (e.g. `::ffff:10.0.0.1`). This is the IPv6 counterpart to
       * {@link Address4.isPrivate}; use it instead of {@link isULA} when you need to
       * catch mapped RFC 1918 addresses as well as native ULAs.
       *
       * The local-use NAT64 range is reported private as a whole rather than by
       * its embedded IPv4 address: an operator may carve a prefix of any RFC 6052
       * length out of `64:ff9b:1::/48`, so the same bits decode to different IPv4
       * addresses under different deployments and no single decoding is correct.
       * Use {@link toAddress4Nat64} with the deployment's prefix to decode one.
       * @returns {boolean}
       */
      isPrivate() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isPrivate();
        }
        return this.isULA() || this.isHostInSubnet(NAT64_LOCAL_USE_SUBNET);
      }
      /**
       * Returns true if the address is an IPv4-mapped / NAT64 address whose embedded
       * IPv4 address is in the carrier-grade NAT range `100.64.0.0/10`
       * ([RFC 6598](https://datatracker.ietf.org/doc/html/rfc6598)), false
       * otherwise. There is no native IPv6 CGNAT range, so this only ever returns
       * true for an embedded IPv4 address (e.g. `::ffff:100.64.0.1`).
       * @returns {boolean}
       */
      isCGNAT() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isCGNAT();
        }
        return false;
      }
      /**
       * Returns true if the address is an IPv4-mapped / NAT64 address whose embedded
       * IPv4 address is the limited broadcast address `255.255.255.255`
       * ([RFC 919](https://datatracker.ietf.org/doc/html/rfc919)), false otherwise.
       * There is no IPv6 broadcast, so this only ever returns true for an embedded
       * IPv4 address (e.g. `::ffff:255.255.255.255`).
       * @returns {boolean}
       */
      isBroadcast() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isBroadcast();
        }
        return false;
      }
      /**
       * Returns true if the address is the unspecified address `::`.
       * @returns {boolean}
       */
      isUnspecified() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isUnspecified();
        }
        return this.getType() === "Unspecified";
      }
      /**
       * Returns true if the address is in the documentation prefix `2001:db8::/32` ([RFC 3849](https://datatracker.ietf.org/doc/html/rfc3849)).
       * @returns {boolean}
       */
      isDocumentation() {
        return DOCUMENTATION_SUBNETS.some((subnet) => this.isHostInSubnet(subnet));
      }
      /**
       * Returns true if the address is in the benchmarking range `2001:2::/48`
       * ([RFC 5180](https://datatracker.ietf.org/doc/html/rfc5180)) or is an
       * IPv4-mapped / NAT64 address whose embedded IPv4 address is in
       * `198.18.0.0/15`, false otherwise.
       * @returns {boolean}
       */
      isBenchmarking() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isBenchmarking();
        }
        return this.isHostInSubnet(BENCHMARKING_SUBNET);
      }
      /**
       * Returns true if the address is globally reachable: inside the global
       * unicast allocation `2000::/3` (the only range the [IANA IPv6 Address Space
       * Registry](https://www.iana.org/assignments/ipv6-address-space/) assigns
       * for global unicast; everything else is reserved, ULA, link-local, or
       * multicast) and not in any block the [IANA IPv6 Special-Purpose Address Registry](https://www.iana.org/assignments/iana-ipv6-special-registry/)
       * marks as not globally reachable. An IPv4-mapped or NAT64 well-known
       * address answers for its embedded IPv4 address, so `::ffff:10.0.0.1` and
       * `64:ff9b::7f00:1` are not global. Teredo (`2001::/32`) and 6to4
       * (`2002::/16`) are not global either: the registry lists them as N/A and a
       * packet to one needs a relay.
       *
       * This covers everything the individual classifiers name and the blocks they
       * do not: the discard-only prefix `100::/64`, the IETF protocol assignments
       * in `2001::/23`, the deprecated site-local `fec0::/10` and IPv4-compatible
       * `::/96` ranges, and unallocated space such as `4000::/3`. It is the single
       * predicate to use where a request must not reach an internal or
       * special-purpose destination; see SECURITY.md.
       * @returns {boolean}
       */
      isGlobal() {
        const embedded = this.embeddedIPv4();
        if (embedded) {
          return embedded.isGlobal();
        }
        return this.isHostInSubnet(GLOBAL_UNICAST_SUBNET) && common.isGloballyReachable.call(this, SPECIAL_PURPOSE_V6);
      }
      // #endregion
      // #region HTML
      /**
       * Returns the address as an HTTP URL with the host bracketed, e.g.
       * `http://[2001:db8::1]/`. If `optionalPort` is provided it is appended,
       * e.g. `http://[2001:db8::1]:8080/`.
       */
      href(optionalPort) {
        if (optionalPort === void 0) {
          optionalPort = "";
        } else {
          optionalPort = `:${optionalPort}`;
        }
        return `http://[${this.correctForm()}]${optionalPort}/`;
      }
      /**
       * Returns an HTML `<a>` element whose `href` encodes the address in a URL
       * hash fragment (default prefix `/#address=`). Useful for linking between
       * pages of an address-inspector UI.
       * @param options.className - CSS class for the rendered `<a>` element
       * @param options.prefix - hash prefix prepended to the address (default `/#address=`)
       * @param options.v4 - when true, render the address in v4-in-v6 form
       */
      link(options) {
        if (!options) {
          options = {};
        }
        if (options.className === void 0) {
          options.className = "";
        }
        if (options.prefix === void 0) {
          options.prefix = "/#address=";
        }
        if (options.v4 === void 0) {
          options.v4 = false;
        }
        let formFunction = this.correctForm;
        if (options.v4) {
          formFunction = this.to4in6;
        }
        const form = formFunction.call(this);
        const safeHref = helpers.escapeHtml(`${options.prefix}${form}`);
        const safeForm = helpers.escapeHtml(form);
        if (options.className) {
          const safeClass = helpers.escapeHtml(options.className);
          return `<a href="${safeHref}" class="${safeClass}">${safeForm}</a>`;
        }
        return `<a href="${safeHref}">${safeForm}</a>`;
      }
      /**
       * Groups an address.
       *
       * Returns an HTML fragment: each group is wrapped in a `<span>` carrying
       * the group classes an address-inspector UI hovers on. The address content
       * is HTML-escaped; anything you concatenate around it is your
       * responsibility.
       * @returns {String}
       */
      group() {
        if (this.elidedGroups === 0) {
          return helpers.simpleGroup(this.addressMinusSuffix).join(":");
        }
        assert(typeof this.elidedGroups === "number");
        assert(typeof this.elisionBegin === "number");
        const output = [];
        const [left, right] = this.addressMinusSuffix.split("::");
        if (left.length) {
          output.push(...helpers.simpleGroup(left));
        } else {
          output.push("");
        }
        const classes = ["hover-group"];
        for (let i = this.elisionBegin; i < this.elisionBegin + this.elidedGroups; i++) {
          classes.push(`group-${i}`);
        }
        output.push(`<span class="${classes.join(" ")}"></span>`);
        if (right.length) {
          output.push(...helpers.simpleGroup(right, this.elisionEnd));
        } else {
          output.push("");
        }
        if (this.is4()) {
          assert(this.address4 instanceof ipv4_1.Address4);
          output.pop();
          output.push(this.address4.groupForV6());
        }
        return output.join(":");
      }
      // #endregion
      // #region Regular expressions
      /**
       * Generate a regular expression string that can be used to find or validate
       * all variations of this address
       * @param {boolean} substringSearch
       * @returns {string}
       */
      regularExpressionString(substringSearch = false) {
        let output = [];
        const address6 = new _Address6(this.correctForm());
        if (address6.elidedGroups === 0) {
          output.push((0, regular_expressions_1.simpleRegularExpression)(address6.parsedAddress));
        } else if (address6.elidedGroups === constants6.GROUPS) {
          output.push((0, regular_expressions_1.possibleElisions)(constants6.GROUPS));
        } else {
          const halves = address6.address.split("::");
          if (halves[0].length) {
            output.push((0, regular_expressions_1.simpleRegularExpression)(halves[0].split(":")));
          }
          assert(typeof address6.elidedGroups === "number");
          output.push((0, regular_expressions_1.possibleElisions)(address6.elidedGroups, halves[0].length !== 0, halves[1].length !== 0));
          if (halves[1].length) {
            output.push((0, regular_expressions_1.simpleRegularExpression)(halves[1].split(":")));
          }
          output = [output.join(":")];
        }
        if (!substringSearch) {
          output = [
            "(?=^|",
            regular_expressions_1.ADDRESS_BOUNDARY,
            "|[^\\w\\:])(",
            ...output,
            ")(?=[^\\w\\:]|",
            regular_expressions_1.ADDRESS_BOUNDARY,
            "|$)"
          ];
        }
        return output.join("");
      }
      /**
       * Generate a regular expression that can be used to find or validate all
       * variations of this address.
       * @param {boolean} substringSearch
       * @returns {RegExp}
       */
      regularExpression(substringSearch = false) {
        return new RegExp(this.regularExpressionString(substringSearch), "i");
      }
    };
    exports.Address6 = Address62;
    var TYPE_SUBNETS = Object.keys(constants6.TYPES).map((subnet) => [
      new Address62(subnet),
      constants6.TYPES[subnet]
    ]);
    var TEREDO_SUBNET = new Address62("2001::/32");
    var SIX_TO_FOUR_SUBNET = new Address62("2002::/16");
    var ULA_SUBNET = new Address62("fc00::/7");
    var LINK_LOCAL_SUBNET = new Address62("fe80::/10");
    var DOCUMENTATION_SUBNETS = [new Address62("2001:db8::/32"), new Address62("3fff::/20")];
    var BENCHMARKING_SUBNET = new Address62("2001:2::/48");
    var GLOBAL_UNICAST_SUBNET = new Address62("2000::/3");
    var SPECIAL_PURPOSE_V6 = constants6.SPECIAL_PURPOSE.map(([cidr, , reachable]) => ({
      subnet: new Address62(cidr),
      reachable
    }));
    var IPV4_MAPPED_SUBNET = new Address62("::ffff:0:0/96");
    var NAT64_WELL_KNOWN_SUBNET = new Address62("64:ff9b::/96");
    var NAT64_LOCAL_USE_SUBNET = new Address62("64:ff9b:1::/48");
  }
});

// node_modules/ip-address/dist/ip-address.js
var require_ip_address = __commonJS({
  "node_modules/ip-address/dist/ip-address.js"(exports) {
    "use strict";
    var __createBinding = exports && exports.__createBinding || (Object.create ? (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      var desc = Object.getOwnPropertyDescriptor(m, k);
      if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
        desc = { enumerable: true, get: function() {
          return m[k];
        } };
      }
      Object.defineProperty(o, k2, desc);
    }) : (function(o, m, k, k2) {
      if (k2 === void 0) k2 = k;
      o[k2] = m[k];
    }));
    var __setModuleDefault = exports && exports.__setModuleDefault || (Object.create ? (function(o, v) {
      Object.defineProperty(o, "default", { enumerable: true, value: v });
    }) : function(o, v) {
      o["default"] = v;
    });
    var __importStar = exports && exports.__importStar || function(mod) {
      if (mod && mod.__esModule) return mod;
      var result = {};
      if (mod != null) {
        for (var k in mod) if (k !== "default" && Object.prototype.hasOwnProperty.call(mod, k)) __createBinding(result, mod, k);
      }
      __setModuleDefault(result, mod);
      return result;
    };
    Object.defineProperty(exports, "__esModule", { value: true });
    exports.v6 = exports.AddressError = exports.Address6 = exports.Address4 = void 0;
    var ipv4_1 = require_ipv4();
    Object.defineProperty(exports, "Address4", { enumerable: true, get: function() {
      return ipv4_1.Address4;
    } });
    var ipv6_1 = require_ipv6();
    Object.defineProperty(exports, "Address6", { enumerable: true, get: function() {
      return ipv6_1.Address6;
    } });
    var address_error_1 = require_address_error();
    Object.defineProperty(exports, "AddressError", { enumerable: true, get: function() {
      return address_error_1.AddressError;
    } });
    var helpers = __importStar(require_helpers());
    exports.v6 = { helpers };
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair3 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar5 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq4 = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection2(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode3(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar5(node) || isCollection2(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias3;
    exports.isCollection = isCollection2;
    exports.isDocument = isDocument;
    exports.isMap = isMap5;
    exports.isNode = isNode3;
    exports.isPair = isPair3;
    exports.isScalar = isScalar5;
    exports.isSeq = isSeq4;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key, node, visitor, path17) {
      const ctrl = callVisitor(key, node, visitor, path17);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path17, ctrl);
        return visit_(key, ctrl, visitor, path17);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path17 = Object.freeze(path17.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path17);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path17 = Object.freeze(path17.concat(node));
          const ck = visit_("key", node.key, visitor, path17);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path17);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key, node, visitor, path17) {
      const ctrl = await callVisitor(key, node, visitor, path17);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path17, ctrl);
        return visitAsync_(key, ctrl, visitor, path17);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path17 = Object.freeze(path17.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path17);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path17 = Object.freeze(path17.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path17);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path17);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key, node, visitor, path17) {
      if (typeof visitor === "function")
        return visitor(key, node, path17);
      if (identity.isMap(node))
        return visitor.Map?.(key, node, path17);
      if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path17);
      if (identity.isPair(node))
        return visitor.Pair?.(key, node, path17);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path17);
      if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path17);
      return void 0;
    }
    function replaceNode(key, path17, node) {
      const parent = path17[path17.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key] = node;
      } else if (identity.isPair(parent)) {
        if (key === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name2 = parts.shift();
        switch (name2) {
          case "%TAG": {
            if (parts.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts.length < 2)
                return false;
            }
            const [handle, prefix] = parts;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name2}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name2 = `${prefix}${i}`;
        if (!exclude.has(name2))
          return name2;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj3, key, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj3, key, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found2 = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found2 = node;
        }
        if (found2 && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found2);
          if (!data) {
            toJS.toJS(found2, null, ctx);
            data = anchors2.get(found2);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found2, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found2;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path17, value) {
      let v = value;
      for (let i = path17.length - 1; i >= 0; --i) {
        const k = path17[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path17) => path17 == null || typeof path17 === "object" && !!path17[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path17, value) {
        if (isEmptyPath(path17))
          this.add(value);
        else {
          const [key, ...rest] = path17;
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path17) {
        const [key, ...rest] = path17;
        if (rest.length === 0)
          return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path17, keepScalar) {
        const [key, ...rest] = path17;
        const node = this.get(key, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path17) {
        const [key, ...rest] = path17;
        if (rest.length === 0)
          return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path17, value) {
        const [key, ...rest] = path17;
        if (rest.length === 0) {
          this.set(key, value);
        } else {
          const node = this.get(key, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str2) => str2.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str2, indent, comment) => str2.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str2.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text2, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text2;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text2.length <= endStep)
        return text2;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text2, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text2[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text2[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text2, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text2[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text2[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text2;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text2;
      if (onFold)
        onFold();
      let res = text2.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text2.length;
        if (fold === 0)
          res = `
${indent}${text2.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text2[fold]}\\`;
          res += `
${indent}${text2.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text2, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text2[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text2[++i];
        } else {
          do {
            ch = text2[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text2[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str2) => /^(%|---|\.\.\.)/m.test(str2);
    function lineLengthOverLimit(str2, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str2.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str2[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str2 = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str2 += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str2 += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str2 += "\\0";
                    break;
                  case "0007":
                    str2 += "\\a";
                    break;
                  case "000b":
                    str2 += "\\v";
                    break;
                  case "001b":
                    str2 += "\\e";
                    break;
                  case "0085":
                    str2 += "\\N";
                    break;
                  case "00a0":
                    str2 += "\\_";
                    break;
                  case "2028":
                    str2 += "\\L";
                    break;
                  case "2029":
                    str2 += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str2 += "\\x" + code.substr(2);
                    else
                      str2 += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str2 += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str2 += "\n";
                  i += 2;
                }
                str2 += indent;
                if (json[i + 2] === " ")
                  str2 += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str2 = start ? str2 + json.slice(start) : json;
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str2 = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str2);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str2 : foldFlowLines.foldFlowLines(str2, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj3;
      if (identity.isScalar(item)) {
        obj3 = item.value;
        let match = tags.filter((t) => t.identify?.(obj3));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj3 = item;
        tagObj = tags.find((t) => t.nodeClass && obj3 instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name2 = obj3?.constructor?.name ?? (obj3 === null ? "null" : typeof obj3);
        throw new Error(`Tag not resolved for ${name2} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify2(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str2 = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str2;
      return identity.isScalar(node) || str2[0] === "{" || str2[0] === "[" ? `${props} ${str2}` : `${props}
${ctx.indent}${str2}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key) && key.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key) || !identity.isNode(key) && typeof key === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key || keyComment && value == null && !ctx.inFlow || identity.isCollection(key) || (identity.isScalar(key) ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL : typeof key === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str2 = stringify2.stringify(key, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str2.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str2 === "" ? "?" : explicitKey ? `? ${str2}` : str2;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str2 = `? ${str2}`;
        if (keyComment && !keyCommentDone) {
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str2;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
        str2 = `? ${str2}
${indent}:`;
      } else {
        str2 = `${str2}:`;
        if (keyComment)
          str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str2.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify2.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str2 += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str2 += stringifyComment.lineComment(str2, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str2;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey2 = (ctx, key) => (merge.identify(key) || identity.isScalar(key) && (!key.type || key.type === Scalar.Scalar.PLAIN) && merge.identify(key.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key))
            map.set(key, value2);
        } else if (map instanceof Set) {
          map.add(key);
        } else if (!Object.prototype.hasOwnProperty.call(map, key)) {
          Object.defineProperty(map, key, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey2;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify2 = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key, value }) {
      if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify2.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key, value, ctx) {
      const k = createNode.createNode(key, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
      }
      clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
          key = key.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify3 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify3(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str3 = stringify2.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str3 += stringifyComment.lineComment(str3, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str3);
      }
      let str2;
      if (lines.length === 0) {
        str2 = flowChars.start + flowChars.end;
      } else {
        str2 = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str2 += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str2 += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str2;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str2 = stringify2.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str2.includes("\n"));
        if (i < items.length - 1) {
          str2 += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str2.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str2 += ",";
          }
        }
        if (comment)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment));
        lines.push(str2);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str2 = start;
          for (const line of lines)
            str2 += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str2}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair2(items, key) {
      const k = identity.isScalar(key) ? key.value : key;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj3, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj3, key, value);
          else if (Array.isArray(replacer) && !replacer.includes(key))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj3 instanceof Map) {
          for (const [key, value] of obj3)
            add(key, value);
        } else if (obj3 && typeof obj3 === "object") {
          for (const key of Object.keys(obj3))
            add(key, obj3[key]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair2(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key) {
        const it = findPair2(this.items, key);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const it = findPair2(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key) {
        return !!findPair2(this.items, key);
      }
      set(key, value) {
        this.add(new Pair.Pair(key, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair2;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj3, ctx) => YAMLMap.YAMLMap.from(schema, obj3, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key) {
        const idx = asItemIndex(key);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj3, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj3 && Symbol.iterator in Object(obj3)) {
          let i = 0;
          for (let it of obj3) {
            if (typeof replacer === "function") {
              const key = obj3 instanceof Set ? it : String(i++);
              it = replacer.call(obj3, key, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key) {
      let idx = identity.isScalar(key) ? key.value : key;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj3, ctx) => YAMLSeq.YAMLSeq.from(schema, obj3, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str2) => str2,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str2) => new Scalar.Scalar(str2[0] === "t" || str2[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format: format2, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format2 && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2));
        const dot = str2.indexOf(".");
        if (dot !== -1 && str2[str2.length - 1] === "0")
          node.minFractionDigits = str2.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str2, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str2) => str2,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str2) => str2 === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str2, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str2) : parseInt(str2, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str2) => parseFloat(str2),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str2, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str2)}`);
        return str2;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str2 = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str2.length);
          for (let i = 0; i < str2.length; ++i)
            buffer[i] = str2.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str2;
        if (typeof node_buffer.Buffer === "function") {
          str2 = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str2 = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str2.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str2.substr(o, lineWidth);
          }
          str2 = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str2 }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys2 = Object.keys(it);
            if (keys2.length === 1) {
              key = keys2[0];
              value = it[key];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys2.length} keys`);
            }
          } else {
            key = it;
          }
          pairs2.items.push(Pair.createPair(key, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key, value;
          if (identity.isPair(pair)) {
            key = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key, ctx);
          } else {
            key = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
          if (identity.isScalar(key)) {
            if (seenKeys.includes(key.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key.value}`);
            } else {
              seenKeys.push(key.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str2) => str2.slice(-3).toLowerCase() === "nan" ? NaN : str2[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str2) => parseFloat(str2.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str2) {
        const node = new Scalar.Scalar(parseFloat(str2.replace(/_/g, "")));
        const dot = str2.indexOf(".");
        if (dot !== -1) {
          const f = str2.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str2, offset, radix, { intAsBigInt }) {
      const sign = str2[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str2 = str2.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str2 = `0b${str2}`;
            break;
          case 8:
            str2 = `0o${str2}`;
            break;
          case 16:
            str2 = `0x${str2}`;
            break;
        }
        const n2 = BigInt(str2);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str2, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str2 = value.toString(radix);
        return value < 0 ? "-" + prefix + str2.substr(1) : prefix + str2;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str2, _onError, opt) => intResolve(str2, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key) {
        let pair;
        if (identity.isPair(key))
          pair = key;
        else if (key && typeof key === "object" && "key" in key && "value" in key && key.value === null)
          pair = new Pair.Pair(key.key, null);
        else
          pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str2, asBigInt) {
      const sign = str2[0];
      const parts = sign === "-" || sign === "+" ? str2.substring(1) : str2;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts = [value % _60];
      if (value < 60) {
        parts.unshift(0);
      } else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts[0]) / _60;
          parts.unshift(value);
        }
      }
      return sign + parts.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str2, _onError, { intAsBigInt }) => parseSexagesimal(str2, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str2) => parseSexagesimal(str2, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str2) {
        const match = str2.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float2();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys2 = Array.from(schemas.keys()).filter((key) => key !== "yaml11").map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys2} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys2 = Object.keys(tagsByName).map((key) => JSON.stringify(key)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys2}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify2 = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify2.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify2.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify2.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document2 = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path17, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path17, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name2) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name2 || prev.has(name2) ? anchors.findNewAnchor(name2 || "a", prev) : name2;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path17) {
        if (Collection.isEmptyPath(path17)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path17) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path17, keepScalar) {
        if (Collection.isEmptyPath(path17))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path17, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path17) {
        if (Collection.isEmptyPath(path17))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path17) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path17, value) {
        if (Collection.isEmptyPath(path17)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path17), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path17, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document2;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name2, pos, code, message) {
        super();
        this.name = name2;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found2 = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found2 || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found2)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found2 = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found: found2,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key) {
      if (!key)
        return null;
      switch (key.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key.source.includes("\n"))
            return true;
          if (key.end) {
            for (const st of key.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key, sep: sep7, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key ?? sep7?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key) {
            if (key.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key && key.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep7) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
            onError(key ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key ? composeNode(ctx, key, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep7 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key || key.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep7, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep7 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep7 + cb;
              sep7 = "";
              break;
            }
            case "newline":
              if (comment)
                sep7 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap5 = fc.start.source === "{";
      const fcName = isMap5 ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap5 ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep: sep7, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key ?? sep7?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep7 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap5 && ctx.options.strict && utilContainsNewline.containsNewline(key))
            onError(
              key,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap5 && !sep7 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep7, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key ? composeNode(ctx, key, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep7 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap5 && !props.found && ctx.options.strict) {
              if (sep7)
                for (const st of sep7) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep7, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap5) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap5 ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name2 = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name2} must end with a ${expectedEnd}` : `${name2} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines2(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content2 = lines[i][1];
        if (content2 === "" || content2 === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content2] = lines[i];
        if (content2 === "" || content2 === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content2.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep7 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content2] = lines[i];
        offset += indent.length + content2.length + 1;
        const crlf = content2[content2.length - 1] === "\r";
        if (crlf)
          content2 = content2.slice(0, -1);
        if (content2 && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content2.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep7 + indent.slice(trimIndent) + content2;
          sep7 = "\n";
        } else if (indent.length > trimIndent || content2[0] === "	") {
          if (sep7 === " ")
            sep7 = "\n";
          else if (!prevMoreIndented && sep7 === "\n")
            sep7 = "\n\n";
          value += sep7 + indent.slice(trimIndent) + content2;
          sep7 = "\n";
          prevMoreIndented = true;
        } else if (content2 === "") {
          if (sep7 === "\n")
            value += "\n";
          else
            sep7 = "\n";
        } else {
          value += sep7 + content2;
          sep7 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines2(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep7 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep7 === "\n")
            res += sep7;
          else
            sep7 = "\n";
        } else {
          res += sep7 + lm;
          sep7 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep7 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document2 = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document2.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document2 = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer2 = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document2.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer2;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key of Object.keys(token))
          if (key !== "type" && key !== "offset")
            delete token[key];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key of Object.keys(token))
            if (key !== "type" && key !== "offset")
              delete token[key];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify2 = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key, sep: sep7, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key)
        res += stringifyToken(key);
      if (sep7)
        for (const st of sep7)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path17) => {
      let item = cst;
      for (const [field, index] of path17) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path17) => {
      const parent = visit.itemAtPath(cst, path17.slice(0, -1));
      const field = path17[path17.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path17, item, visitor) {
      let ctrl = visitor(item, path17);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path17.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path17);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path17) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection2 = (token) => !!token && "items" in token;
    var isScalar5 = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection2;
    exports.isScalar = isScalar5;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty2(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty2(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty2(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty2(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty2(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty2(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty2(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty2(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty2(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty2(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty2(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty2(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter5 = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter5;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list6, type) {
      for (let i = 0; i < list6.length; ++i)
        if (list6[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list6) {
      for (let i = 0; i < list6.length; ++i) {
        switch (list6[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target2, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target2, source);
      else
        for (let i = 0; i < source.length; ++i)
          target2.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser2 = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep7;
          if (scalar.end) {
            sep7 = scalar.end;
            sep7.push(this.sourceToken);
            delete scalar.end;
          } else
            sep7 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep7 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key = it.key;
                  const sep7 = it.sep;
                  sep7.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key, sep: sep7 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs13 = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs13, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs13);
              } else {
                Object.assign(it, { key: fs13, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs13 = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs13, sep: [] });
              else if (it.sep)
                this.stack.push(fs13);
              else
                Object.assign(it, { key: fs13, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep7 = fc.end.splice(1, fc.end.length);
            sep7.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep7 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser2;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments8(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument2(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse3(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument2(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify2(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document2.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse3;
    exports.parseAllDocuments = parseAllDocuments8;
    exports.parseDocument = parseDocument2;
    exports.stringify = stringify2;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document2 = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document2.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/cli/main.ts
import { realpathSync as realpathSync4 } from "node:fs";
import { fileURLToPath } from "node:url";

// src/model/admin-policy.ts
function adminOrder(a, b) {
  const pa = a.priority ?? Number.POSITIVE_INFINITY;
  const pb = b.priority ?? Number.POSITIVE_INFINITY;
  if (pa !== pb) return pa < pb ? -1 : 1;
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0;
}
function adminPeerAsPeers(peer2) {
  switch (peer2.kind) {
    case "pods":
      return [{ kind: "pods", namespaces: { kind: "selector", selector: peer2.namespaces }, pods: peer2.pods }];
    case "networks":
      return peer2.cidrs.map((cidr) => ({ kind: "networks", cidr }));
    case "nodes":
      return [{ kind: "nodes", selector: peer2.selector }];
    case "domainNames":
      return [];
  }
}
var rulePeers = /* @__PURE__ */ new WeakMap();
function adminRulePeers(rule) {
  let peers = rulePeers.get(rule);
  if (peers === void 0) rulePeers.set(rule, peers = rule.peers.flatMap(adminPeerAsPeers));
  return peers;
}

// src/model/selector.ts
var SELECT_ALL = Object.freeze({ requirements: Object.freeze([]) });
var keys = /* @__PURE__ */ new WeakMap();
function selectorKey(s) {
  let key = keys.get(s);
  if (key === void 0) {
    key = s.requirements.map((r) => `${r.key}${r.op}${"values" in r ? `${r.values.join("")}` : ""}`).sort().join("");
    keys.set(s, key);
  }
  return key;
}
function requirementMatches(r, labels2) {
  const has = Object.prototype.hasOwnProperty.call(labels2, r.key);
  switch (r.op) {
    case "In":
      return has && r.values.includes(labels2[r.key]);
    case "NotIn":
      return !has || !r.values.includes(labels2[r.key]);
    case "Exists":
      return has;
    case "DoesNotExist":
      return !has;
  }
}
function selects(s, labels2) {
  return s.requirements.every((r) => requirementMatches(r, labels2));
}

// src/synth/combinations.ts
var OTHER_VALUE = "\0other";
function combinations(selectors, options) {
  const uses = /* @__PURE__ */ new Map();
  for (const s of selectors) for (const k of new Set(s.requirements.map((r) => r.key))) uses.set(k, (uses.get(k) ?? 0) + 1);
  const keys2 = [...uses.keys()].sort((a, b) => uses.get(b) - uses.get(a) || (a < b ? -1 : a > b ? 1 : 0));
  const fixed = options.fixed ?? {};
  for (const k of Object.keys(fixed)) if (!keys2.includes(k)) keys2.push(k);
  let states = [{ alive: selectors.map(() => true), witness: {} }];
  for (const key of keys2) {
    const choices = valueChoices(selectors, key, fixed[key]);
    const next = /* @__PURE__ */ new Map();
    for (const st of states) {
      for (const value of choices) {
        const labels2 = value === void 0 ? {} : { [key]: value };
        const alive = st.alive.map((a, i) => a && selectors[i].requirements.every((r) => r.key !== key || requirementMatches(r, labels2)));
        const sig = alive.map((a) => a ? "1" : "0").join("");
        if (next.has(sig)) continue;
        next.set(sig, { alive, witness: value === void 0 ? st.witness : { ...st.witness, [key]: value } });
      }
    }
    states = [...next.values()];
    if (states.length > options.bound * 16) return void 0;
  }
  if (states.length > options.bound) return void 0;
  return states.map((st) => ({ satisfied: st.alive.flatMap((a, i) => a ? [i] : []), witness: st.witness }));
}
function valueChoices(selectors, key, fixed) {
  if (fixed !== void 0) return [fixed];
  const named = /* @__PURE__ */ new Set();
  for (const s of selectors) for (const r of s.requirements) if (r.key === key && (r.op === "In" || r.op === "NotIn")) r.values.forEach((v) => named.add(v));
  return [void 0, ...[...named].sort(), OTHER_VALUE];
}
function describeWitness(witness, hide = []) {
  const parts = Object.keys(witness).filter((k) => !hide.includes(k)).sort().map((k) => `${k}=${witness[k] === OTHER_VALUE ? "*" : witness[k]}`);
  return `[${parts.length > 0 ? parts.join(",") : "*"}]`;
}
function definingLabels(witness, hide = []) {
  const out = {};
  for (const k of Object.keys(witness).sort()) if (!hide.includes(k)) out[k] = witness[k] === OTHER_VALUE ? "*" : witness[k];
  return out;
}

// src/load/diagnostic.ts
function diagnostic(severity, file, pos, message) {
  return { severity, file, line: pos.line, column: pos.column, message };
}
var severityOrder = { error: 0, warning: 1, note: 2 };
function compareDiagnostics(a, b) {
  return (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || severityOrder[a.severity] - severityOrder[b.severity] || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}

// src/load/admin-ties.ts
function priorityTies(policies) {
  const groups2 = /* @__PURE__ */ new Map();
  for (const p of policies) {
    if (p.priority === null) continue;
    const key = `${p.tier}/${p.priority}`;
    const g = groups2.get(key);
    if (g) g.push(p);
    else groups2.set(key, [p]);
  }
  const out = [];
  for (const group2 of groups2.values()) {
    const sorted2 = [...group2].sort(adminOrder);
    for (let j = 1; j < sorted2.length; j++) {
      const later = sorted2[j];
      for (let i = 0; i < j; i++) {
        const first = sorted2[i];
        const directions = sharedDirections(first, later);
        if (directions.length > 0 && subjectsCanOverlap(first, later)) out.push({ first, later, directions });
      }
    }
  }
  return out;
}
function adminPriorityTies(policies) {
  return priorityTies(policies).map(
    ({ first, later, directions }) => diagnostic(
      "warning",
      later.source.file,
      { line: later.source.line, column: 1 },
      `${later.kind} ${later.name} and ${first.kind} ${first.name} (${first.source.file}:${first.source.line}) are both ${later.tier}-tier policies at priority ${later.priority}, their subjects can select the same pods and both have ${directions.join(" and ")} rules: upstream leaves their order undefined (an implementation may apply either). netreach reads ${first.kind} ${first.name} first (equal priorities are ordered by name, then kind); give them different priorities to make the order certain`
    )
  );
}
function sharedDirections(a, b) {
  const out = [];
  if (a.ingress.length > 0 && b.ingress.length > 0) out.push("ingress");
  if (a.egress.length > 0 && b.egress.length > 0) out.push("egress");
  return out;
}
function subjectsCanOverlap(a, b) {
  return bothSatisfiable(a.subject.namespaces, b.subject.namespaces) && bothSatisfiable(a.subject.pods, b.subject.pods);
}
function bothSatisfiable(a, b) {
  const combos = combinations([a, b], { bound: 16 });
  return combos === void 0 || combos.some((c) => c.satisfied.length === 2);
}

// src/reach/admin-assumptions.ts
function adminAssumptions(revisions, known) {
  const policies = revisions.flat();
  if (policies.length === 0) return [];
  const out = [
    "Admin-tier policies are evaluated per direction: admin rules by priority, then rule order, the first match accepting, denying or passing; then NetworkPolicy for pods it isolates in that direction; then the baseline tier; else allowed. An egress Accept or Allow does not override the destination's ingress policies (the ClusterNetworkPolicy reading)."
  ];
  if (policies.some((p) => p.ingress.length > 0)) {
    out.push("Admin-tier ingress rules match pods only (from: namespaces or pods): traffic from outside the cluster and from nodes is matched by none of them, so an admin Deny does not stop it; NetworkPolicy ipBlocks and the baseline's absence decide it.");
  }
  const peers = new Set(policies.flatMap((p) => [...p.ingress, ...p.egress]).flatMap((r) => r.peers.map((peer2) => peer2.kind)));
  if (peers.has("networks")) {
    out.push(
      known.podIps ? "networks peers match outside addresses and the pods whose IPs the input gives (status.podIP), when all of a workload's pods are inside; pods without a known IP are matched by none." : "networks peers match addresses outside the cluster only: the input gives no pod IPs (status.podIP), so a networks rule that covers them (0.0.0.0/0, say) is not applied to traffic between pods."
    );
  }
  if (peers.has("nodes")) {
    out.push(
      known.nodes ? "nodes peers match the hostNetwork pods on the Nodes they select (by spec.nodeName); node addresses themselves are not endpoints of this report." : "nodes peers match nothing here: the input declares no Nodes."
    );
  }
  if (peers.has("domainNames")) out.push("domainNames peers match nothing here: the addresses a name resolves to are known only at run time.");
  const tied = new Set(revisions.flatMap((r) => priorityTies(r).map((t) => `${t.first.id} and ${t.later.id}`)));
  if (tied.size > 0) {
    out.push(`Policies of one tier with the same priority (${[...tied].slice(0, 3).join("; ")}${tied.size > 3 ? `; ${tied.size - 3} more` : ""}) are consulted in order of name, then kind: upstream leaves their order undefined.`);
  }
  return out;
}

// src/diff/reason.ts
function at(side2, policy, rule, direction, source, effect, admin) {
  return {
    side: side2,
    policy,
    rule,
    direction,
    file: source.file,
    get line() {
      return source.line;
    },
    effect,
    ...admin === void 0 ? {} : { admin }
  };
}
function ruleReason(side2, policy, rule, effect = "allows") {
  return at(side2, policy.id, `${rule.direction}[${rule.index}]`, rule.direction, rule.source, effect);
}
function isolationReason(side2, policy, direction) {
  return at(side2, policy.id, null, direction, policy.source, "isolates");
}
function adminRuleReason(side2, policy, rule, effect, admin) {
  return at(side2, policy, `${rule.direction}[${rule.index}]`, rule.direction, rule.source, effect, admin);
}
function reasonKey(r) {
  return `${r.side}|${r.policy}|${r.rule}|${r.direction}|${r.file}|${r.effect}`;
}

// src/net/intervals.ts
var EMPTY = Object.freeze([]);
function normalize(pairs) {
  const sorted2 = pairs.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out = [];
  for (const [lo, hi] of sorted2) {
    const last = out.length - 1;
    if (last > 0 && lo <= out[last] + 1) {
      if (hi > out[last]) out[last] = hi;
    } else {
      out.push(lo, hi);
    }
  }
  return out;
}
function union(a, b) {
  if (a.length === 0) return b;
  if (b.length === 0) return a;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    let lo;
    let hi;
    if (j >= b.length || i < a.length && a[i] <= b[j]) {
      lo = a[i];
      hi = a[i + 1];
      i += 2;
    } else {
      lo = b[j];
      hi = b[j + 1];
      j += 2;
    }
    const last = out.length - 1;
    if (last > 0 && lo <= out[last] + 1) {
      if (hi > out[last]) out[last] = hi;
    } else out.push(lo, hi);
  }
  return out;
}
function intersect(a, b) {
  if (a.length === 0 || b.length === 0) return EMPTY;
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const lo = Math.max(a[i], b[j]);
    const hi = Math.min(a[i + 1], b[j + 1]);
    if (lo <= hi) out.push(lo, hi);
    if (a[i + 1] < b[j + 1]) i += 2;
    else j += 2;
  }
  return out;
}
function subtract(a, b) {
  if (a.length === 0 || b.length === 0) return a;
  const out = [];
  let j = 0;
  for (let i = 0; i < a.length; i += 2) {
    let lo = a[i];
    const hi = a[i + 1];
    while (j < b.length && b[j + 1] < lo) j += 2;
    let k = j;
    while (k < b.length && b[k] <= hi) {
      if (b[k] > lo) out.push(lo, b[k] - 1);
      lo = Math.max(lo, b[k + 1] + 1);
      k += 2;
    }
    if (lo <= hi) out.push(lo, hi);
  }
  return out;
}
function equal(a, b) {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}
function contains(a, value) {
  for (let i = 0; i < a.length; i += 2) {
    if (value < a[i]) return false;
    if (value <= a[i + 1]) return true;
  }
  return false;
}
function format(a) {
  const parts = [];
  for (let i = 0; i < a.length; i += 2) parts.push(a[i] === a[i + 1] ? `${a[i]}` : `${a[i]}-${a[i + 1]}`);
  return parts.join(",");
}

// src/net/protocol.ts
var PROTOCOLS = ["SCTP", "TCP", "UDP"];
function isProtocol(value) {
  return value === "TCP" || value === "UDP" || value === "SCTP";
}
var MIN_PORT = 1;
var MAX_PORT = 65535;

// src/net/conn-set.ts
var FULL = Object.freeze([MIN_PORT, MAX_PORT]);
var NO_NAMES = Object.freeze([]);
var PortSet = class _PortSet {
  constructor(ranges, names) {
    this.ranges = ranges;
    this.names = names;
  }
  ranges;
  names;
  static EMPTY = new _PortSet(EMPTY, NO_NAMES);
  static ALL = new _PortSet(FULL, NO_NAMES);
  static of(ranges, names = NO_NAMES) {
    const full = equal(ranges, FULL);
    const n = full || names.length === 0 ? NO_NAMES : [...new Set(names)].sort();
    if (ranges.length === 0 && n.length === 0) return _PortSet.EMPTY;
    if (full) return _PortSet.ALL;
    return new _PortSet(ranges, n);
  }
  static range(from, to) {
    return _PortSet.of(normalize([[from, to]]));
  }
  static named(name2) {
    return _PortSet.of(EMPTY, [name2]);
  }
  get isEmpty() {
    return this.ranges.length === 0 && this.names.length === 0;
  }
  get isAll() {
    return equal(this.ranges, FULL);
  }
  union(o) {
    if (o.isEmpty || this.isAll) return this;
    if (this.isEmpty || o.isAll) return o;
    return _PortSet.of(union(this.ranges, o.ranges), [...this.names, ...o.names]);
  }
  intersect(o) {
    if (this.isEmpty || o.isAll) return this;
    if (o.isEmpty || this.isAll) return o;
    const names = this.names.filter((n) => o.names.includes(n));
    return _PortSet.of(intersect(this.ranges, o.ranges), names);
  }
  subtract(o) {
    if (this.isEmpty || o.isEmpty) return this;
    if (o.isAll) return _PortSet.EMPTY;
    return _PortSet.of(
      subtract(this.ranges, o.ranges),
      this.names.filter((n) => !o.names.includes(n))
    );
  }
  equals(o) {
    return this === o || equal(this.ranges, o.ranges) && this.names.length === o.names.length && this.names.every((n, i) => n === o.names[i]);
  }
  has(port3) {
    return contains(this.ranges, port3);
  }
  // Sets are keyed by their text (ConnInterner) many times over: made once.
  text;
  /** "80,8080-8090,http" */
  toString() {
    return this.text ??= [format(this.ranges), ...this.names].filter((s) => s !== "").join(",");
  }
};
var ConnSet = class _ConnSet {
  /** Indexed like PROTOCOLS: SCTP, TCP, UDP. */
  constructor(sets) {
    this.sets = sets;
  }
  sets;
  static NONE = new _ConnSet([PortSet.EMPTY, PortSet.EMPTY, PortSet.EMPTY]);
  static ALL = new _ConnSet([PortSet.ALL, PortSet.ALL, PortSet.ALL]);
  // Made on first use (see PortSet's).
  text;
  static of(byProtocol) {
    return _ConnSet.from([byProtocol.SCTP ?? PortSet.EMPTY, byProtocol.TCP ?? PortSet.EMPTY, byProtocol.UDP ?? PortSet.EMPTY]);
  }
  static from(sets) {
    if (sets.every((s) => s.isEmpty)) return _ConnSet.NONE;
    if (sets.every((s) => s.isAll)) return _ConnSet.ALL;
    return new _ConnSet(sets);
  }
  ports(p) {
    return this.sets[PROTOCOLS.indexOf(p)];
  }
  get isEmpty() {
    return this === _ConnSet.NONE;
  }
  get isAll() {
    return this === _ConnSet.ALL;
  }
  zip(o, f) {
    return _ConnSet.from([f(this.sets[0], o.sets[0]), f(this.sets[1], o.sets[1]), f(this.sets[2], o.sets[2])]);
  }
  union(o) {
    if (o.isEmpty || this.isAll) return this;
    if (this.isEmpty || o.isAll) return o;
    return this.zip(o, (a, b) => a.union(b));
  }
  intersect(o) {
    if (this.isEmpty || o.isAll) return this;
    if (o.isEmpty || this.isAll) return o;
    return this.zip(o, (a, b) => a.intersect(b));
  }
  subtract(o) {
    if (this.isEmpty || o.isEmpty) return this;
    if (o.isAll) return _ConnSet.NONE;
    return this.zip(o, (a, b) => a.subtract(b));
  }
  equals(o) {
    return this === o || this.sets.every((s, i) => s.equals(o.sets[i]));
  }
  allows(p, port3) {
    return this.ports(p).has(port3);
  }
  /** Canonical string, compatible with netpol-analyzer: "All Connections", "No Connections", "TCP 80,UDP 53". */
  toString() {
    if (this.isAll) return "All Connections";
    if (this.isEmpty) return "No Connections";
    return this.text ??= PROTOCOLS.map((p, i) => this.sets[i].isEmpty ? "" : `${p} ${this.sets[i].toString()}`).filter((s) => s !== "").join(",");
  }
};

// src/reach/row.ts
var OPEN_ROW = Object.freeze({ fallback: ConnSet.ALL, nodes: new Int32Array(0), conns: Object.freeze([]) });
var EMPTY_ROW = Object.freeze({ fallback: ConnSet.NONE, nodes: new Int32Array(0), conns: Object.freeze([]) });
function rowAt(row, node) {
  const nodes = row.nodes;
  let lo = 0;
  let hi = nodes.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    const v = nodes[mid];
    if (v === node) return row.conns[mid];
    if (v < node) lo = mid + 1;
    else hi = mid - 1;
  }
  return row.fallback;
}
function rowDifference(a, b) {
  if (a === b) return new Int32Array(0);
  if (a.fallback !== b.fallback) return "all";
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.nodes.length || j < b.nodes.length) {
    const x = i < a.nodes.length ? a.nodes[i] : Infinity;
    const y = j < b.nodes.length ? b.nodes[j] : Infinity;
    if (x === y) {
      if (a.conns[i] !== b.conns[j]) out.push(x);
      i++;
      j++;
    } else if (x < y) {
      if (a.conns[i] !== b.fallback) out.push(x);
      i++;
    } else {
      if (b.conns[j] !== a.fallback) out.push(y);
      j++;
    }
  }
  return Int32Array.from(out);
}
var RowBuilder = class {
  constructor(fallback = ConnSet.NONE) {
    this.fallback = fallback;
  }
  fallback;
  acc = /* @__PURE__ */ new Map();
  /** Adds `conn` for every node (a rule whose peers are "any"); call before `add`. */
  addAll(conn) {
    this.fallback = this.fallback.union(conn);
    for (const [n, c] of this.acc) this.acc.set(n, c.union(conn));
  }
  add(node, conn) {
    this.acc.set(node, (this.acc.get(node) ?? this.fallback).union(conn));
  }
  build(intern) {
    const fallback = intern(this.fallback);
    const listed2 = [...this.acc.keys()].sort((a, b) => a - b);
    const nodes = [];
    const conns = [];
    for (const n of listed2) {
      const c = intern(this.acc.get(n));
      if (c === fallback) continue;
      nodes.push(n);
      conns.push(c);
    }
    return { fallback, nodes: Int32Array.from(nodes), conns };
  }
};
function combineRows(a, b, op) {
  const fallback = op(a.fallback, b.fallback);
  const nodes = [];
  const conns = [];
  let i = 0;
  let j = 0;
  while (i < a.nodes.length || j < b.nodes.length) {
    const x = i < a.nodes.length ? a.nodes[i] : Infinity;
    const y = j < b.nodes.length ? b.nodes[j] : Infinity;
    const node = Math.min(x, y);
    const ca = x === node ? a.conns[i++] : a.fallback;
    const cb = y === node ? b.conns[j++] : b.fallback;
    const c = op(ca, cb);
    if (c === fallback) continue;
    nodes.push(node);
    conns.push(c);
  }
  return { fallback, nodes: Int32Array.from(nodes), conns };
}
var rowUnion = (a, b, interner) => combineRows(a, b, (x, y) => interner.union(x, y));
var rowSubtract = (a, b, interner) => combineRows(a, b, (x, y) => interner.subtract(x, y));

// src/model/labels.ts
var NAMESPACE_NAME_LABEL = "kubernetes.io/metadata.name";

// src/net/ip.ts
var import_ip_address = __toESM(require_ip_address(), 1);
var FAMILY_BITS = { v4: 32, v6: 128 };
function familyMax(f) {
  return (1n << BigInt(FAMILY_BITS[f])) - 1n;
}
function parseAddress(text2) {
  const family = text2.includes(":") ? "v6" : "v4";
  const value = family === "v4" ? parseV4(text2) : parseV6(text2);
  return value === void 0 ? void 0 : { family, value };
}
var V4_OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
function parseV4(text2) {
  const parts = text2.split(".");
  if (parts.length !== 4 || !parts.every((p) => V4_OCTET.test(p))) return void 0;
  return parts.reduce((acc, p) => acc << 8n | BigInt(Number(p)), 0n);
}
function parseV6(text2) {
  if (text2.includes("%") || !import_ip_address.Address6.isValid(text2)) return void 0;
  try {
    return new import_ip_address.Address6(text2).bigInt();
  } catch {
    return void 0;
  }
}
function parseCidr(text2) {
  const slash = text2.indexOf("/");
  if (slash < 0) return { ok: false, reason: "is not in CIDR notation (address/prefix, e.g. 10.0.0.0/8)" };
  const addr = text2.slice(0, slash);
  const prefixText = text2.slice(slash + 1);
  const family = addr.includes(":") ? "v6" : "v4";
  const value = family === "v4" ? parseV4(addr) : parseV6(addr);
  if (value === void 0) return { ok: false, reason: `has an invalid IP${family === "v4" ? "v4" : "v6"} address "${addr}"` };
  const bits = FAMILY_BITS[family];
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) {
    return { ok: false, reason: `has an invalid prefix length "${prefixText}" (0 to ${bits} for IP${family})` };
  }
  const prefix = Number(prefixText);
  const base2 = value & ~hostMask(family, prefix) & familyMax(family);
  return { ok: true, cidr: { family, base: base2, prefix }, hostBitsSet: base2 !== value };
}
function hostMask(family, prefix) {
  return (1n << BigInt(FAMILY_BITS[family] - prefix)) - 1n;
}
function cidrRange(c) {
  return { family: c.family, lo: c.base, hi: c.base | hostMask(c.family, c.prefix) };
}
function formatAddress(family, value) {
  if (family === "v4") {
    return [24n, 16n, 8n, 0n].map((s) => (value >> s & 255n).toString()).join(".");
  }
  return import_ip_address.Address6.fromBigInt(value).correctForm();
}
function formatCidr(c) {
  return `${formatAddress(c.family, c.base)}/${c.prefix}`;
}
function rangeToCidrs(r) {
  const bits = FAMILY_BITS[r.family];
  const out = [];
  let lo = r.lo;
  while (lo <= r.hi) {
    let size = bits;
    while (size > 0) {
      const block = 1n << BigInt(size);
      if ((lo & block - 1n) === 0n && lo + block - 1n <= r.hi) break;
      size--;
    }
    out.push({ family: r.family, base: lo, prefix: bits - size });
    lo += 1n << BigInt(size);
  }
  return out;
}
function countAddresses(input) {
  const ranges = [...input].sort((a, b) => a.family !== b.family ? a.family < b.family ? -1 : 1 : a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0);
  let total = 0n;
  let cur;
  for (const r of ranges) {
    if (cur && cur.family === r.family && r.lo <= cur.hi + 1n) {
      if (r.hi > cur.hi) cur.hi = r.hi;
      continue;
    }
    if (cur) total += cur.hi - cur.lo + 1n;
    cur = { family: r.family, lo: r.lo, hi: r.hi };
  }
  if (cur) total += cur.hi - cur.lo + 1n;
  return total;
}

// src/load/limits.ts
var MiB = 1024 * 1024;
var defaultInputLimits = {
  bytes: 128 * MiB,
  workloads: 15e4,
  policies: 15e4,
  podClasses: 5e4
};
var LIMIT_OPTIONS = {
  bytes: { flag: "--max-bytes", input: "max-bytes", what: "bytes of manifests" },
  workloads: { flag: "--max-workloads", input: "max-workloads", what: "workloads" },
  policies: { flag: "--max-policies", input: "max-policies", what: "NetworkPolicies" },
  podClasses: { flag: "--max-pod-classes", input: "max-pod-classes", what: "distinct pod classes" }
};
var LimitError = class extends Error {
  constructor(limit, actual, max, where, atLeast = false) {
    const o = LIMIT_OPTIONS[limit];
    const n = (x) => limit === "bytes" ? formatBytes(x) : x.toLocaleString("en-US");
    super(
      `input too large: ${atLeast ? "at least " : ""}${n(actual)} ${limit === "bytes" ? "of manifests" : o.what}${where ? ` ${where}` : ""}, over the limit of ${n(max)}; raise it with ${o.flag} (Action input ${o.input}) if the machine has the time and memory for it`
    );
    this.limit = limit;
    this.actual = actual;
    this.max = max;
  }
  limit;
  actual;
  max;
  name = "LimitError";
};
function checkLimit(limits, limit, actual, where) {
  if (actual > limits[limit]) throw new LimitError(limit, actual, limits[limit], where);
}
function parseLimit(limit, text2) {
  const m = /^\s*(\d+)\s*(KiB|MiB|GiB|K|M|G)?\s*$/i.exec(text2);
  const unit = m?.[2]?.toUpperCase()[0];
  const value = m ? Number(m[1]) * (unit === "K" ? 1024 : unit === "M" ? MiB : unit === "G" ? 1024 * MiB : 1) : NaN;
  if (!m || unit !== void 0 && limit !== "bytes" || !Number.isSafeInteger(value) || value < 1) {
    const o = LIMIT_OPTIONS[limit];
    return { ok: false, error: `${o.flag} (input ${o.input}) must be a positive whole number${limit === "bytes" ? " of bytes, or with KiB, MiB or GiB" : ""}, not "${text2}"` };
  }
  return { ok: true, value };
}
function formatBytes(bytes) {
  if (bytes >= MiB) return `${Number.isInteger(bytes / MiB) ? bytes / MiB : (bytes / MiB).toFixed(1)} MiB`;
  return `${bytes.toLocaleString("en-US")} bytes`;
}

// src/reach/external-space.ts
function ipBlockKey(b) {
  return [formatCidr(b.cidr), ...b.except.map(formatCidr).sort()].join(" ");
}
function ipBlockRanges(b) {
  const outer = cidrRange(b.cidr);
  const holes = b.except.map(cidrRange).sort((x, y) => x.lo < y.lo ? -1 : x.lo > y.lo ? 1 : 0);
  const out = [];
  let lo = outer.lo;
  for (const h of holes) {
    if (h.lo > lo) out.push({ family: outer.family, lo, hi: h.lo - 1n });
    if (h.hi + 1n > lo) lo = h.hi + 1n;
  }
  if (lo <= outer.hi) out.push({ family: outer.family, lo, hi: outer.hi });
  return out;
}
function buildExternalSpace(blocks) {
  const distinct2 = /* @__PURE__ */ new Map();
  for (const b of blocks) {
    const key = ipBlockKey(b);
    if (!distinct2.has(key)) distinct2.set(key, ipBlockRanges(b));
  }
  const keys2 = [...distinct2.keys()];
  const families = ["v4"];
  if ([...distinct2.values()].some((rs) => rs.some((r) => r.family === "v6"))) families.push("v6");
  const classes = [];
  const classesOf = new Map(keys2.map((k) => [k, []]));
  for (const family of families) {
    const cuts = /* @__PURE__ */ new Set([0n]);
    for (const rs of distinct2.values()) {
      for (const r of rs) if (r.family === family) cuts.add(r.lo).add(r.hi + 1n);
    }
    const max = familyMax(family);
    const points = [...cuts].filter((p) => p <= max).sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
    const members = points.map(() => []);
    keys2.forEach((k, ki) => {
      for (const r of distinct2.get(k)) {
        if (r.family !== family) continue;
        for (let i = firstAtOrAfter(points, r.lo); i < points.length && points[i] <= r.hi; i++) members[i].push(ki);
      }
    });
    const bySignature = /* @__PURE__ */ new Map();
    points.forEach((lo, i) => {
      const hi = i + 1 < points.length ? points[i + 1] - 1n : max;
      const sig = members[i].join("|");
      let entry2 = bySignature.get(sig);
      if (!entry2) bySignature.set(sig, entry2 = { keys: members[i].map((ki) => keys2[ki]), ranges: [] });
      const last = entry2.ranges[entry2.ranges.length - 1];
      if (last && last.hi + 1n === lo) entry2.ranges[entry2.ranges.length - 1] = { family, lo: last.lo, hi };
      else entry2.ranges.push({ family, lo, hi });
    });
    for (const { keys: members2, ranges } of bySignature.values()) {
      const index = classes.length;
      classes.push(externalEndpoint(family, ranges));
      for (const k of members2) classesOf.get(k).push(index);
    }
  }
  return { classes, classesOf };
}
function externalEndpoint(family, input) {
  const sorted2 = input.filter((r) => r.family === family).sort((a, b) => a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : 0);
  const ranges = [];
  for (const r of sorted2) {
    const last = ranges[ranges.length - 1];
    if (last && last.hi + 1n >= r.lo) ranges[ranges.length - 1] = { family, lo: last.lo, hi: last.hi > r.hi ? last.hi : r.hi };
    else ranges.push(r);
  }
  const cidrs = ranges.flatMap(rangeToCidrs);
  return { type: "external", id: describeRanges(family, ranges, cidrs), ranges, cidrs: cidrs.map(formatCidr) };
}
function firstAtOrAfter(sorted2, v) {
  let lo = 0;
  let hi = sorted2.length;
  while (lo < hi) {
    const mid = lo + hi >> 1;
    if (sorted2[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
function describeRanges(family, ranges, cidrs) {
  const plain2 = cidrs.map(formatCidr);
  const lo = ranges[0].lo;
  const hi = ranges[ranges.length - 1].hi;
  const enclosing = smallestEnclosing(family, lo, hi);
  const span = cidrRange(enclosing);
  const gaps = [];
  let cur = span.lo;
  for (const r of ranges) {
    if (r.lo > cur) gaps.push({ family, lo: cur, hi: r.lo - 1n });
    cur = r.hi + 1n;
  }
  if (cur <= span.hi) gaps.push({ family, lo: cur, hi: span.hi });
  const holes = gaps.flatMap(rangeToCidrs).map(formatCidr);
  if (holes.length > 0 && holes.length + 1 < plain2.length) return `${formatCidr(enclosing)} except ${holes.join(", ")}`;
  return plain2.join(", ");
}
function smallestEnclosing(family, lo, hi) {
  const bits = family === "v4" ? 32 : 128;
  let prefix = 0;
  for (let p = bits; p >= 0; p--) {
    const size2 = BigInt(bits - p);
    if (lo >> size2 === hi >> size2) {
      prefix = p;
      break;
    }
  }
  const size = BigInt(bits - prefix);
  return { family, base: lo >> size << size, prefix };
}

// src/reach/universe.ts
function namedPortKey(name2, protocol) {
  return `${name2}/${protocol}`;
}
function buildUniverse(sides, options = {}) {
  const exempt = (options.hostNetwork ?? "exempt") === "exempt";
  const podKeys = /* @__PURE__ */ new Set();
  const nsKeys = /* @__PURE__ */ new Set();
  const portNames2 = /* @__PURE__ */ new Set();
  const blocks = [];
  const addKeys = (s, into) => s.requirements.forEach((r) => into.add(r.key));
  const networks2 = /* @__PURE__ */ new Map();
  const nodeSelectors = /* @__PURE__ */ new Map();
  const addRule = (ports, peers) => {
    if (ports !== "any") {
      for (const s of ports) if (s.port.kind === "named") portNames2.add(s.port.name);
    }
    if (peers === "any") return;
    for (const peer2 of peers) {
      switch (peer2.kind) {
        case "ipBlock":
          blocks.push(peer2);
          break;
        case "networks":
          blocks.push({ kind: "ipBlock", cidr: peer2.cidr, except: [] });
          networks2.set(formatCidr(peer2.cidr), peer2.cidr);
          break;
        case "nodes":
          nodeSelectors.set(selectorKey(peer2.selector), peer2.selector);
          break;
        case "pods":
          addKeys(peer2.pods, podKeys);
          if (peer2.namespaces.kind === "selector") addKeys(peer2.namespaces.selector, nsKeys);
      }
    }
  };
  for (const side2 of sides) {
    for (const p of side2.policies) {
      addKeys(p.subject, podKeys);
      for (const rule of [...p.ingress ?? [], ...p.egress ?? []]) addRule(rule.ports, rule.peers);
    }
    for (const p of side2.adminPolicies) {
      addKeys(p.subject.pods, podKeys);
      addKeys(p.subject.namespaces, nsKeys);
      for (const rule of [...p.ingress, ...p.egress]) addRule(rule.ports, adminRulePeers(rule));
    }
  }
  for (const side2 of sides) for (const cidr of side2.addressCuts ?? []) blocks.push({ kind: "ipBlock", cidr, except: [] });
  const podClasses = [];
  const byKey = /* @__PURE__ */ new Map();
  const NONE2 = /* @__PURE__ */ new Set();
  const nsProjection = /* @__PURE__ */ new Map();
  const namedMaps = /* @__PURE__ */ new Map();
  const placed = /* @__PURE__ */ new WeakMap();
  const classOf = sides.map((side2) => {
    const map = /* @__PURE__ */ new Map();
    const nodes = new Map((side2.nodes ?? []).map((n) => [n.name, n]));
    for (const ep of side2.controller ? [...side2.pods, side2.controller] : side2.pods) {
      const ns = side2.namespaces.get(ep.pod.namespace);
      const seen = placed.get(ep.pod);
      if (seen !== void 0 && seen.ns === (ns ?? ep.pod.namespace)) {
        map.set(ep.id, seen.index);
        continue;
      }
      let nsp = nsProjection.get(ns ?? ep.pod.namespace);
      if (!nsp) {
        const labels3 = project(ns?.labels ?? { [NAMESPACE_NAME_LABEL]: ep.pod.namespace }, nsKeys);
        nsProjection.set(ns ?? ep.pod.namespace, nsp = { labels: labels3, json: JSON.stringify(labels3) });
      }
      const labels2 = project(ep.pod.labels, podKeys);
      const named = ep.pod.ports.filter((p) => p.name !== void 0 && portNames2.has(p.name)).map((p) => [namedPortKey(p.name, p.protocol), p.port]).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
      const ips = "ips" in ep.pod ? ep.pod.ips : [];
      const nodeNames = "nodeNames" in ep.pod && ep.pod.hostNetwork ? ep.pod.nodeNames : [];
      const inNetworks = ips.length === 0 ? NONE2 : new Set([...networks2].filter(([, cidr]) => holdsAll(cidr, ips)).map(([k]) => k));
      const onNodes = nodeNames.length === 0 ? NONE2 : new Set([...nodeSelectors].filter(([, sel]) => nodeNames.every((n) => nodes.has(n) && selects(sel, nodes.get(n).labels))).map(([k]) => k));
      const hostNetwork = exempt && ep.pod.hostNetwork;
      const key = `${ep.pod.namespace}
${nsp.json}
${JSON.stringify(labels2)}
${JSON.stringify(named)}
${hostNetwork}
${[...inNetworks].join(" ")}
${[...onNodes].join(" ")}`;
      let index = byKey.get(key);
      if (index === void 0) {
        index = podClasses.length;
        const namedKey = JSON.stringify(named);
        let namedPorts = namedMaps.get(namedKey);
        if (namedPorts === void 0) namedMaps.set(namedKey, namedPorts = new Map(named));
        podClasses.push({ namespace: ep.pod.namespace, nsLabels: nsp.labels, labels: labels2, namedPorts, hostNetwork, inNetworks, onNodes });
        byKey.set(key, index);
      }
      if (nodeNames.length === 0) placed.set(ep.pod, { ns: ns ?? ep.pod.namespace, index });
      map.set(ep.id, index);
    }
    return map;
  });
  if (options.maxPodClasses !== void 0 && podClasses.length > options.maxPodClasses) {
    throw new LimitError("podClasses", podClasses.length, options.maxPodClasses, "(kinds of pod that policies tell apart)");
  }
  const external = buildExternalSpace(blocks);
  return { podClasses, externals: external.classes, externalsOf: external.classesOf, classOf };
}
function holdsAll(cidr, ips) {
  const r = cidrRange(cidr);
  return ips.length > 0 && ips.every((ip) => ip.family === r.family && ip.value >= r.lo && ip.value <= r.hi);
}
function project(labels2, keys2) {
  const out = {};
  for (const k of Object.keys(labels2).sort()) if (keys2.has(k)) out[k] = labels2[k];
  return out;
}

// src/reach/rule-ports.ts
function hasNamedPorts(rule) {
  return rule.ports !== "any" && rule.ports.some((s) => s.port.kind === "named");
}
function rulePorts(rule, names) {
  if (rule.ports === "any") return ConnSet.ALL;
  const byProto = {};
  for (const spec of rule.ports) {
    const set = specPorts(spec, names);
    byProto[spec.protocol] = (byProto[spec.protocol] ?? PortSet.EMPTY).union(set);
  }
  return ConnSet.of(byProto);
}
function specPorts(spec, names) {
  switch (spec.port.kind) {
    case "all":
      return PortSet.ALL;
    case "range":
      return PortSet.range(spec.port.from, spec.port.to);
    case "named": {
      const n = names?.get(namedPortKey(spec.port.name, spec.protocol));
      if (n === void 0) return PortSet.EMPTY;
      return n === 0 ? PortSet.named(spec.port.name) : PortSet.range(n, n);
    }
  }
}

// src/reach/admin-tiers.ts
function tierRules(policies, peers, podClasses) {
  const sorted2 = [...policies].sort(adminOrder);
  const member = () => Array.from({ length: podClasses }, () => []);
  const members = { admin: { ingress: member(), egress: member() }, baseline: { ingress: member(), egress: member() } };
  sorted2.forEach((policy, i) => {
    const subjects = peers.ofAdminSubject(policy.subject);
    for (const dir of ["ingress", "egress"]) if (policy[dir].length > 0) for (const s of subjects) members[policy.tier][dir][s].push(i);
  });
  const applied = sorted2.map((policy) => ({ ingress: policy.ingress.map((rule) => ({ policy, rule })), egress: policy.egress.map((rule) => ({ policy, rule })) }));
  const lists = (tier, dir) => {
    const shared = /* @__PURE__ */ new Map();
    return members[tier][dir].map((idx) => {
      const key = idx.join(",");
      let l = shared.get(key);
      if (l === void 0) shared.set(key, l = idx.flatMap((i) => applied[i][dir]));
      return l;
    });
  };
  return { admin: { ingress: lists("admin", "ingress"), egress: lists("admin", "egress") }, baseline: { ingress: lists("baseline", "ingress"), egress: lists("baseline", "egress") } };
}
function walkTier(rules3, peers, portsAt, interner) {
  let decided = EMPTY_ROW;
  let accepted = EMPTY_ROW;
  let denied = EMPTY_ROW;
  for (const { rule } of rules3) {
    const b = new RowBuilder();
    const perNames = /* @__PURE__ */ new Map();
    for (const node of peers.ofAdminRule(rule)) {
      const names = portsAt(node);
      let ports = perNames.get(names);
      if (!ports) perNames.set(names, ports = rulePorts(rule, names));
      if (!ports.isEmpty) b.add(node, ports);
    }
    const matched = rowSubtract(b.build((c) => interner.intern(c)), decided, interner);
    if (matched.nodes.length === 0 && matched.fallback.isEmpty) continue;
    if (rule.action === "accept") accepted = rowUnion(accepted, matched, interner);
    else if (rule.action === "deny") denied = rowUnion(denied, matched, interner);
    decided = rowUnion(decided, matched, interner);
  }
  return { accepted, denied };
}
function foldTier(walk2, next, interner) {
  return rowUnion(walk2.accepted, rowSubtract(next, walk2.denied, interner), interner);
}

// src/reach/decisions.ts
function decide(admin, next) {
  const pieces = [];
  const passes = [];
  let left = ConnSet.ALL;
  for (const m of admin) {
    const conn = m.conn.intersect(left);
    if (conn.isEmpty) continue;
    left = left.subtract(conn);
    const action = m.applied.rule.action;
    if (action === "pass") passes.push({ applied: m.applied, conn });
    else pieces.push({ conn, allowed: action === "accept", passedBy: [], by: { kind: "admin", applied: m.applied } });
  }
  const rest = passes.reduce((acc, p) => acc.union(p.conn), left);
  const passedBy = (conn) => passes.filter((p) => !p.conn.intersect(conn).isEmpty).map((p) => p.applied);
  const add = (conn, allowed, by) => {
    if (!conn.isEmpty) pieces.push({ conn, allowed, passedBy: passedBy(conn), by });
  };
  if (next.kind === "networkpolicy") {
    const allowed = next.matches.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE).intersect(rest);
    add(allowed, true, { kind: "allowed-by-rules", matches: next.matches.filter((m) => !m.conn.intersect(allowed).isEmpty) });
    add(rest.subtract(allowed), false, { kind: "isolated", policies: next.policies });
  } else {
    let open = rest;
    for (const m of next.matches) {
      const conn = m.conn.intersect(open);
      if (conn.isEmpty) continue;
      open = open.subtract(conn);
      if (m.applied.rule.action !== "pass") add(conn, m.applied.rule.action === "accept", { kind: "admin", applied: m.applied });
      else add(conn, true, { kind: "default" });
    }
    add(open, true, { kind: "default" });
  }
  return pieces;
}

// src/reach/list-keys.ts
var namedIn = /* @__PURE__ */ new WeakMap();
function anyNamed(rules3) {
  let named = namedIn.get(rules3);
  if (named === void 0) namedIn.set(rules3, named = rules3.some((r) => hasNamedPorts(r.rule)));
  return named;
}
var ruleTexts = /* @__PURE__ */ new WeakMap();
function rulesSaid(rules3, ruleIds) {
  let texts = ruleTexts.get(ruleIds);
  if (texts === void 0) ruleTexts.set(ruleIds, texts = /* @__PURE__ */ new WeakMap());
  let t = texts.get(rules3);
  if (t === void 0) texts.set(rules3, t = ruleIds.listId([...new Set(rules3.map((r) => ruleIds.id(r.policy, r.rule)))].sort((a, b) => a - b).join(",")));
  return t;
}
var tierTexts = /* @__PURE__ */ new WeakMap();
function tierSaid(rules3, ruleIds) {
  let texts = tierTexts.get(ruleIds);
  if (texts === void 0) tierTexts.set(ruleIds, texts = /* @__PURE__ */ new WeakMap());
  let t = texts.get(rules3);
  if (t === void 0) texts.set(rules3, t = ruleIds.listId(rules3.map((r) => ruleIds.adminId(r.policy, r.rule)).join(",")));
  return t;
}
var ListNames = class {
  byText = /* @__PURE__ */ new Map();
  byList = /* @__PURE__ */ new WeakMap();
  of(list6) {
    let id = this.byList.get(list6);
    if (id === void 0) {
      const text2 = list6.map((x) => "rule" in x ? `${x.policy.id}#${x.rule.direction}[${x.rule.index}]` : x.id).join(",");
      id = this.byText.get(text2);
      if (id === void 0) this.byText.set(text2, id = this.byText.size);
      this.byList.set(list6, id);
    }
    return id;
  }
};
var portsKeys = /* @__PURE__ */ new WeakMap();
function namedPortsKey(ports) {
  let k = portsKeys.get(ports);
  if (k === void 0) portsKeys.set(ports, k = JSON.stringify([...ports]));
  return k;
}

// src/net/conn-interner.ts
var ConnInterner = class {
  byKey = /* @__PURE__ */ new Map([
    [ConnSet.NONE.toString(), ConnSet.NONE],
    [ConnSet.ALL.toString(), ConnSet.ALL]
  ]);
  meets = /* @__PURE__ */ new Map();
  joins = /* @__PURE__ */ new Map();
  differences = /* @__PURE__ */ new Map();
  /** Sets already canonical: interning them again costs no string. */
  canonical = /* @__PURE__ */ new WeakSet();
  intern(c) {
    if (c.isEmpty || c.isAll || this.canonical.has(c)) return c;
    const key = c.toString();
    const known = this.byKey.get(key);
    if (known) return known;
    this.byKey.set(key, c);
    this.canonical.add(c);
    return c;
  }
  /** a ∪ b for interned sets, computed once per pair. */
  union(a, b) {
    if (b.isEmpty || a.isAll || a === b) return a;
    if (a.isEmpty || b.isAll) return b;
    return this.cached(this.joins, a, b, () => a.union(b));
  }
  /** a − b for interned sets, computed once per pair. */
  subtract(a, b) {
    if (a.isEmpty || b.isEmpty) return a;
    if (b.isAll || a === b) return ConnSet.NONE;
    return this.cached(this.differences, a, b, () => a.subtract(b));
  }
  cached(table, a, b, make) {
    let row = table.get(a);
    if (!row) table.set(a, row = /* @__PURE__ */ new Map());
    let r = row.get(b);
    if (!r) row.set(b, r = this.intern(make()));
    return r;
  }
  /** a ∩ b for interned sets, computed once per pair. */
  intersect(a, b) {
    if (a.isAll || b.isEmpty || a === b) return b;
    if (b.isAll || a.isEmpty) return a;
    let row = this.meets.get(a);
    if (!row) this.meets.set(a, row = /* @__PURE__ */ new Map());
    let r = row.get(b);
    if (!r) row.set(b, r = this.intern(a.intersect(b)));
    return r;
  }
};

// src/reach/peer-nodes.ts
var PeerNodes = class {
  constructor(universe) {
    this.universe = universe;
    const P = universe.podClasses.length;
    this.all = Int32Array.from({ length: P + universe.externals.length }, (_, i) => i);
    const groups2 = /* @__PURE__ */ new Map();
    universe.podClasses.forEach((c, i) => {
      if (c.hostNetwork) return;
      let list6 = this.byNamespace.get(c.namespace);
      if (!list6) this.byNamespace.set(c.namespace, list6 = []);
      list6.push(i);
      const key = JSON.stringify([c.namespace, c.nsLabels]);
      let g = groups2.get(key);
      if (!g) {
        groups2.set(key, g = []);
        this.nsGroups.push({ classes: g, nsLabels: c.nsLabels });
      }
      g.push(i);
    });
  }
  universe;
  cache = /* @__PURE__ */ new Map();
  // The same list object asks again and again (each row and each explanation that names its
  // rule): answered without building its text key.
  byList = /* @__PURE__ */ new WeakMap();
  byAdminRule = /* @__PURE__ */ new WeakMap();
  bySubject = /* @__PURE__ */ new WeakMap();
  /** Pod classes (policy-selectable: not hostNetwork) per namespace and per namespace-label group. */
  byNamespace = /* @__PURE__ */ new Map();
  nsGroups = [];
  all;
  /** The policy-selectable pod classes of a namespace, ascending. */
  inNamespace(ns) {
    return this.byNamespace.get(ns) ?? [];
  }
  /** The pod classes an admin-tier policy's subject selects, once per subject object. */
  ofAdminSubject(subject) {
    let nodes = this.bySubject.get(subject);
    if (!nodes) this.bySubject.set(subject, nodes = this.of("", [{ kind: "pods", namespaces: { kind: "selector", selector: subject.namespaces }, pods: subject.pods }]));
    return nodes;
  }
  /** Nodes an admin-tier rule's peers match, worked out once per rule (rows of many classes ask). */
  ofAdminRule(rule) {
    let nodes = this.byAdminRule.get(rule);
    if (!nodes) this.byAdminRule.set(rule, nodes = this.of("", adminRulePeers(rule)));
    return nodes;
  }
  /** Nodes matched by any of the peers (OR), ascending; "any" matches every node. */
  of(policyNamespace, peers) {
    if (peers === "any") return this.all;
    const seen = this.byList.get(peers);
    if (seen !== void 0 && seen.ns === policyNamespace) return seen.nodes;
    const key = JSON.stringify([policyNamespace, peers.map(peerKey)]);
    let nodes = this.cache.get(key);
    if (!nodes) {
      const mark = new Uint8Array(this.all.length);
      for (const peer2 of peers) for (const n of this.match(policyNamespace, peer2)) mark[n] = 1;
      const out = [];
      for (let i = 0; i < mark.length; i++) if (mark[i] === 1) out.push(i);
      nodes = Int32Array.from(out);
      this.cache.set(key, nodes);
    }
    this.byList.set(peers, { ns: policyNamespace, nodes });
    return nodes;
  }
  match(policyNs, peer2) {
    const P = this.universe.podClasses.length;
    const classes = this.universe.podClasses;
    switch (peer2.kind) {
      case "ipBlock":
        return (this.universe.externalsOf.get(ipBlockKey(peer2)) ?? []).map((e) => P + e);
      case "networks": {
        const key = formatCidr(peer2.cidr);
        const pods = classes.flatMap((c, i) => c.inNetworks.has(key) ? [i] : []);
        return [...pods, ...(this.universe.externalsOf.get(ipBlockKey({ kind: "ipBlock", cidr: peer2.cidr, except: [] })) ?? []).map((e) => P + e)];
      }
      case "nodes": {
        const key = selectorKey(peer2.selector);
        return classes.flatMap((c, i) => c.onNodes.has(key) ? [i] : []);
      }
    }
    const out = [];
    if (peer2.namespaces.kind === "own") {
      for (const i of this.inNamespace(policyNs)) if (selects(peer2.pods, classes[i].labels)) out.push(i);
      return out;
    }
    const nsSelector = peer2.namespaces.selector;
    for (const g of this.nsGroups) {
      if (!selects(nsSelector, g.nsLabels)) continue;
      for (const i of g.classes) if (selects(peer2.pods, classes[i].labels)) out.push(i);
    }
    return out;
  }
};
var peerKeys = /* @__PURE__ */ new WeakMap();
function peerKey(peer2) {
  let key = peerKeys.get(peer2);
  if (key === void 0) peerKeys.set(peer2, key = peerText(peer2));
  return key;
}
function peerText(peer2) {
  switch (peer2.kind) {
    case "ipBlock":
      return "ip:" + ipBlockKey(peer2);
    case "networks":
      return "net:" + formatCidr(peer2.cidr);
    default:
      return JSON.stringify(peer2);
  }
}

// src/reach/rule-ids.ts
var RuleIds = class {
  /**
   * `common`: policy objects every revision holds (the files a pull request left alone). Their
   * rules are the same objects on every side, so they are named by identity, without the text of
   * what they say; only the rules of changed files need that to be recognised across sides. A
   * common rule and a changed one that say the same get different ids: a class governed by them
   * is then compared row by row, which costs time, never an answer.
   */
  constructor(common = /* @__PURE__ */ new Set()) {
    this.common = common;
  }
  common;
  byKey = /* @__PURE__ */ new Map();
  byRule = /* @__PURE__ */ new WeakMap();
  lists = /* @__PURE__ */ new Map();
  next = 0;
  /** Same id for rules of the same direction, namespace, peers and ports. */
  id(policy, rule) {
    let id = this.byRule.get(rule);
    if (id !== void 0) return id;
    id = this.common.has(policy) ? this.next++ : this.byText(JSON.stringify([rule.direction, policy.namespace, rule.peers === "any" ? "any" : rule.peers.map(peerKey), rule.ports]));
    this.byRule.set(rule, id);
    return id;
  }
  /** Same id for admin-tier rules of the same direction, action, matched peers and ports. */
  adminId(policy, rule) {
    let id = this.byRule.get(rule);
    if (id !== void 0) return id;
    id = this.common.has(policy) ? this.next++ : this.byText(JSON.stringify(["admin", rule.direction, rule.action, adminRulePeers(rule).map(peerKey), rule.ports]));
    this.byRule.set(rule, id);
    return id;
  }
  /**
   * A short name for a list of rule ids (their text): signatures made of these stay short, so
   * comparing and hashing them costs little however many rules govern a class.
   */
  listId(text2) {
    let id = this.lists.get(text2);
    if (id === void 0) this.lists.set(text2, id = this.lists.size);
    return id;
  }
  byText(key) {
    let id = this.byKey.get(key);
    if (id === void 0) this.byKey.set(key, id = this.next++);
    return id;
  }
};

// src/reach/shared.ts
function sameGoverning(a, b) {
  if (a.admin !== b.admin || a.baseline !== b.baseline || a.policies.length !== b.policies.length) return false;
  for (let i = 0; i < a.policies.length; i++) if (a.policies[i] !== b.policies[i]) return false;
  return true;
}
var Shared = class {
  interner = new ConnInterner();
  ruleIds;
  peerNodes = /* @__PURE__ */ new WeakMap();
  subjectsOf = /* @__PURE__ */ new WeakMap();
  tierWalks = /* @__PURE__ */ new WeakMap();
  /** Tier walks by what their rules say (RuleIds list ids) and the named ports they resolve on. */
  walks(universe) {
    let w = this.tierWalks.get(universe);
    if (w === void 0) this.tierWalks.set(universe, w = /* @__PURE__ */ new Map());
    return w;
  }
  /** Which nodes peers match: the same on every side over one universe, so worked out once for all. */
  peers(universe) {
    let p = this.peerNodes.get(universe);
    if (p === void 0) this.peerNodes.set(universe, p = new PeerNodes(universe));
    return p;
  }
  /** The pod classes a policy selects (hostNetwork ones never): once per policy object, whichever side holds it. */
  subjects(universe, policy) {
    let byPolicy = this.subjectsOf.get(universe);
    if (byPolicy === void 0) this.subjectsOf.set(universe, byPolicy = /* @__PURE__ */ new WeakMap());
    let s = byPolicy.get(policy);
    if (s === void 0) {
      s = this.peers(universe).inNamespace(policy.namespace).filter((c) => selects(policy.subject, universe.podClasses[c].labels));
      byPolicy.set(policy, s);
    }
    return s;
  }
  policyNumbers = /* @__PURE__ */ new WeakMap();
  lists = /* @__PURE__ */ new Map();
  rulesOf = /* @__PURE__ */ new WeakMap();
  nextNumber = 0;
  /**
   * One object per distinct list of selecting policies (by object) and direction, whichever
   * revision asks: classes and revisions governed alike share it, and what is read off it.
   */
  governingLists(dir, policies) {
    const key = `${dir}:${policies.map((p) => this.numberOf(p)).join(",")}`;
    let l = this.lists.get(key);
    if (l === void 0) this.lists.set(key, l = { isolating: [...policies], applied: policies.flatMap((p) => this.rules(p)[dir]) });
    return l;
  }
  numberOf(p) {
    let n = this.policyNumbers.get(p);
    if (n === void 0) this.policyNumbers.set(p, n = this.nextNumber++);
    return n;
  }
  rules(policy) {
    let r = this.rulesOf.get(policy);
    if (r === void 0) {
      r = { ingress: (policy.ingress ?? []).map((rule) => ({ policy, rule })), egress: (policy.egress ?? []).map((rule) => ({ policy, rule })) };
      this.rulesOf.set(policy, r);
    }
    return r;
  }
  /** `sides`: the revisions to be evaluated; the policy objects all of them hold are named by identity (RuleIds). */
  constructor(sides = []) {
    const [first, ...rest] = sides;
    const common = /* @__PURE__ */ new Set([...first?.policies ?? [], ...first?.adminPolicies ?? []]);
    for (const side2 of rest) {
      const here = /* @__PURE__ */ new Set([...side2.policies, ...side2.adminPolicies]);
      for (const p of common) if (!here.has(p)) common.delete(p);
    }
    this.ruleIds = new RuleIds(common);
  }
};

// src/reach/evaluate.ts
var TupleIds = class {
  root = /* @__PURE__ */ new Map();
  next = 0;
  id(a, b, c, d, e) {
    const m1 = step(this.root, a);
    const m2 = step(m1, b);
    const m3 = step(m2, c);
    const m4 = step(m3, d);
    let n = m4.get(e);
    if (n === void 0) m4.set(e, n = this.next++);
    return n;
  }
};
function step(m, k) {
  let next = m.get(k);
  if (next === void 0) m.set(k, next = /* @__PURE__ */ new Map());
  return next;
}
function evaluate(universe, side2, shared = new Shared()) {
  const P = universe.podClasses.length;
  const size = P + universe.externals.length;
  const peers = shared.peers(universe);
  const { interner, ruleIds } = shared;
  const policies = side2.policies;
  const tiers = side2.adminPolicies.length > 0 ? tierRules(side2.adminPolicies, peers, P) : null;
  const noRules = [];
  const adminRules = (cls, dir) => tiers?.admin[dir][cls] ?? noRules;
  const baselineRules = (cls, dir) => isolating[dir][cls].length > 0 ? noRules : tiers?.baseline[dir][cls] ?? noRules;
  const member = { ingress: Array.from({ length: P }, () => []), egress: Array.from({ length: P }, () => []) };
  for (const policy of policies) {
    const subjects = shared.subjects(universe, policy);
    for (const dir of ["ingress", "egress"]) if (policy[dir]) for (const s of subjects) member[dir][s].push(policy);
  }
  const isolating = { ingress: new Array(P), egress: new Array(P) };
  const applied = { ingress: new Array(P), egress: new Array(P) };
  for (const dir of ["ingress", "egress"]) {
    for (let c = 0; c < P; c++) {
      const l = shared.governingLists(dir, member[dir][c]);
      isolating[dir][c] = l.isolating;
      applied[dir][c] = l.applied;
    }
  }
  const portNamesOf = (node) => node < P ? universe.podClasses[node].namedPorts : null;
  const portsKey2 = (node) => node < P ? namedPortsKey(universe.podClasses[node].namedPorts) : "ext";
  const signatures = { ingress: new Array(P), egress: new Array(P) };
  const signature2 = (cls, dir) => {
    let sig = signatures[dir][cls];
    if (sig === void 0) {
      const parts = [];
      const rules3 = applied[dir][cls];
      const isolated = isolating[dir][cls].length > 0;
      parts.push(isolated ? rulesSaid(rules3, ruleIds) : "open");
      let named = dir === "ingress" && anyNamed(rules3);
      for (const [tier, tierRules2] of [["A", adminRules(cls, dir)], ["B", baselineRules(cls, dir)]]) {
        if (tierRules2.length === 0) continue;
        parts.push(`${tier}:${tierSaid(tierRules2, ruleIds)}`);
        named ||= dir === "ingress" && anyNamed(tierRules2);
      }
      sig = parts.length === 1 && !isolated ? "open" : `${dir}:${parts.join("|")}${named ? ":" + portsKey2(cls) : ""}`;
      signatures[dir][cls] = sig;
    }
    return sig;
  };
  const rowCache = /* @__PURE__ */ new Map();
  const rowOf = { ingress: new Array(P), egress: new Array(P) };
  const row = (cls, dir) => {
    let r = rowOf[dir][cls];
    if (r === void 0) {
      const sig = signature2(cls, dir);
      r = rowCache.get(sig);
      if (r === void 0) {
        r = sig === "open" ? OPEN_ROW : tieredRow(cls, dir);
        rowCache.set(sig, r);
      }
      rowOf[dir][cls] = r;
    }
    return r;
  };
  const tieredRow = (cls, dir) => {
    let r = OPEN_ROW;
    if (isolating[dir][cls].length > 0) r = dir === "ingress" ? ingressRow(cls) : egressRow(cls);
    const baseline = baselineRules(cls, dir);
    if (baseline.length > 0) r = foldTier(tierWalk(cls, dir, baseline), r, interner);
    const admin = adminRules(cls, dir);
    if (admin.length > 0) r = foldTier(tierWalk(cls, dir, admin), r, interner);
    return r;
  };
  const walks = shared.walks(universe);
  const tierWalk = (cls, dir, rules3) => {
    const named = dir === "ingress" && anyNamed(rules3);
    const key = `${dir}|${tierSaid(rules3, ruleIds)}|${named ? portsKey2(cls) : ""}`;
    let w = walks.get(key);
    if (w === void 0) walks.set(key, w = walkTier(rules3, peers, dir === "ingress" ? () => portNamesOf(cls) : portNamesOf, interner));
    return w;
  };
  const ingressRow = (d) => {
    const b = new RowBuilder();
    const names = portNamesOf(d);
    const rules3 = applied.ingress[d];
    for (const r of rules3) if (r.rule.peers === "any") b.addAll(rulePorts(r.rule, names));
    for (const r of rules3) {
      if (r.rule.peers === "any") continue;
      const ports = rulePorts(r.rule, names);
      if (ports.isEmpty) continue;
      for (const s of peers.of(r.policy.namespace, r.rule.peers)) b.add(s, ports);
    }
    return b.build((c) => interner.intern(c));
  };
  const egressRow = (s) => {
    const b = new RowBuilder();
    const rules3 = applied.egress[s];
    for (const r of rules3) if (r.rule.peers === "any") b.addAll(rulePorts(r.rule, null));
    for (const r of rules3) {
      const named = hasNamedPorts(r.rule);
      if (r.rule.peers === "any" && !named) continue;
      const plain2 = named ? void 0 : rulePorts(r.rule, null);
      const perPorts = /* @__PURE__ */ new Map();
      const targets2 = r.rule.peers === "any" ? peers.all.subarray(0, P) : peers.of(r.policy.namespace, r.rule.peers);
      for (const d of targets2) {
        let ports = plain2;
        if (!ports) {
          const k = portsKey2(d);
          ports = perPorts.get(k);
          if (!ports) perPorts.set(k, ports = rulePorts(r.rule, portNamesOf(d)));
        }
        if (!ports.isEmpty) b.add(d, ports);
      }
    }
    return b.build((c) => interner.intern(c));
  };
  const matched = /* @__PURE__ */ new WeakMap();
  const matching = (rules3, peer2, nodesOf) => {
    if (rules3.length === 0) return "";
    let byPeer = matched.get(rules3);
    if (byPeer === void 0) matched.set(rules3, byPeer = /* @__PURE__ */ new Map());
    let bits = byPeer.get(peer2);
    if (bits === void 0) {
      bits = "";
      for (const r of rules3) bits += includes(nodesOf(r), peer2) ? "1" : "0";
      byPeer.set(peer2, bits);
    }
    return bits;
  };
  const npNodes = (r) => peers.of(r.policy.namespace, r.rule.peers);
  const adminNodes = (r) => peers.ofAdminRule(r.rule);
  const decisionCache = /* @__PURE__ */ new Map();
  const listNames = new ListNames();
  const governed = { ingress: new Array(P), egress: new Array(P) };
  const governedBy = (cls, dir) => {
    let key = governed[dir][cls];
    if (key === void 0) {
      key = [dir, listNames.of(applied[dir][cls]), listNames.of(isolating[dir][cls]), listNames.of(adminRules(cls, dir)), listNames.of(baselineRules(cls, dir)), portsKey2(cls)].join("|");
      governed[dir][cls] = key;
    }
    return key;
  };
  const texts = /* @__PURE__ */ new Map();
  const textId = (t) => {
    let n = texts.get(t);
    if (n === void 0) texts.set(t, n = texts.size);
    return n;
  };
  const governedIds = { ingress: new Int32Array(P).fill(-1), egress: new Int32Array(P).fill(-1) };
  const governedId = (cls, dir) => {
    let n = governedIds[dir][cls];
    if (n < 0) governedIds[dir][cls] = n = textId(governedBy(cls, dir));
    return n;
  };
  const portsIds = new Int32Array(size).fill(-1);
  const portsId = (node) => {
    let n = portsIds[node];
    if (n < 0) portsIds[node] = n = textId(portsKey2(node));
    return n;
  };
  const listMatches = /* @__PURE__ */ new WeakMap();
  const listMatch = (rules3, nodesOf) => {
    if (rules3.length === 0) return null;
    let m = listMatches.get(rules3);
    if (m === void 0) {
      const hits = /* @__PURE__ */ new Map();
      rules3.forEach((r, j) => {
        for (const node of nodesOf(r)) {
          let bits = hits.get(node);
          if (bits === void 0) hits.set(node, bits = new Uint8Array(rules3.length));
          bits[j] = 1;
        }
      });
      const byPeer = /* @__PURE__ */ new Map();
      for (const [node, bits] of hits) byPeer.set(node, textId(bits.join("")));
      m = { none: textId("0".repeat(rules3.length)), byPeer };
      listMatches.set(rules3, m);
    }
    return m;
  };
  const subjectKeys = { ingress: new Array(P), egress: new Array(P) };
  const subjectKeysOf = (subject, dir) => {
    let k = subjectKeys[dir][subject];
    if (k === void 0) {
      const lists = [listMatch(applied[dir][subject], npNodes), listMatch(adminRules(subject, dir), adminNodes), listMatch(baselineRules(subject, dir), adminNodes)];
      subjectKeys[dir][subject] = k = { governed: governedId(subject, dir), lists, plain: /* @__PURE__ */ new Map() };
    }
    return k;
  };
  const keyIds = { ingress: new TupleIds(), egress: new TupleIds() };
  const matchingRules = (src, dst, dir) => {
    const [subject, peer2] = dir === "ingress" ? [dst, src] : [src, dst];
    if (subject >= P) return [];
    return applied[dir][subject].filter((r) => includes(peers.of(r.policy.namespace, r.rule.peers), peer2)).map((r) => ({ policy: r.policy, rule: r.rule, conn: rulePorts(r.rule, portNamesOf(dst)) })).filter((m) => !m.conn.isEmpty);
  };
  return {
    universe,
    size,
    conn(src, dst) {
      const out = src < P ? rowAt(row(src, "egress"), dst) : ConnSet.ALL;
      const inn = dst < P ? rowAt(row(dst, "ingress"), src) : ConnSet.ALL;
      return interner.intersect(out, inn);
    },
    row,
    signature: signature2,
    governing(cls, dir) {
      const admin = adminRules(cls, dir);
      const baseline = baselineRules(cls, dir);
      return { policies: isolating[dir][cls], admin: admin.length === 0 ? -1 : tierSaid(admin, ruleIds), baseline: baseline.length === 0 ? -1 : tierSaid(baseline, ruleIds) };
    },
    isolating(cls, dir) {
      return isolating[dir][cls] ?? [];
    },
    matchingRules,
    explanationKey(src, dst, dir) {
      const [subject, peer2] = dir === "ingress" ? [dst, src] : [src, dst];
      if (subject >= P) return "-";
      const bits = `${matching(applied[dir][subject], peer2, npNodes)}|${matching(adminRules(subject, dir), peer2, adminNodes)}|${matching(baselineRules(subject, dir), peer2, adminNodes)}`;
      return `${governedBy(subject, dir)}>${bits}${dir === "egress" ? ">" + portsKey2(dst) : ""}`;
    },
    explanationId(src, dst, dir) {
      const subject = dir === "ingress" ? dst : src;
      const peer2 = dir === "ingress" ? src : dst;
      if (subject >= P) return -1;
      const k = subjectKeysOf(subject, dir);
      const ports = dir === "egress" ? portsId(dst) : -1;
      const [np, admin, baseline] = k.lists;
      const named = np !== null && np.byPeer.has(peer2) || admin !== null && admin.byPeer.has(peer2) || baseline !== null && baseline.byPeer.has(peer2);
      if (!named) {
        let n = k.plain.get(ports);
        if (n === void 0) k.plain.set(ports, n = keyIds[dir].id(k.governed, np?.none ?? -1, admin?.none ?? -1, baseline?.none ?? -1, ports));
        return n;
      }
      const bits = (m) => m === null ? -1 : m.byPeer.get(peer2) ?? m.none;
      return keyIds[dir].id(k.governed, bits(np), bits(admin), bits(baseline), ports);
    },
    decisions(src, dst, dir) {
      const [subject, peer2] = dir === "ingress" ? [dst, src] : [src, dst];
      if (subject >= P) return null;
      const admin = adminRules(subject, dir);
      const baseline = baselineRules(subject, dir);
      if (admin.length === 0 && baseline.length === 0) return null;
      const key = `${governedBy(subject, dir)}>${peer2}`;
      let pieces = decisionCache.get(key);
      if (pieces === void 0) decisionCache.set(key, pieces = decideFor(src, dst, dir, subject, peer2, admin, baseline));
      return pieces;
    }
  };
  function decideFor(src, dst, dir, subject, peer2, admin, baseline) {
    const names = portNamesOf(dst);
    const matching2 = (rules3) => rules3.filter((r) => includes(peers.ofAdminRule(r.rule), peer2)).map((r) => ({ applied: r, conn: rulePorts(r.rule, names) })).filter((m) => !m.conn.isEmpty);
    const policies2 = isolating[dir][subject];
    return decide(
      matching2(admin),
      policies2.length > 0 ? { kind: "networkpolicy", policies: policies2, matches: matchingRules(src, dst, dir) } : { kind: "baseline", matches: matching2(baseline) }
    );
  }
}
function includes(sorted2, v) {
  let lo = 0;
  let hi = sorted2.length - 1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (sorted2[mid] === v) return true;
    if (sorted2[mid] < v) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

// src/diff/tier-reasons.ts
function tierReasons(base2, head, dir, opened, closed) {
  const b = decisions(base2, dir);
  const h = decisions(head, dir);
  if (b === null && h === null) return null;
  const out = [];
  const add = (side2, ps, allowed, within) => {
    for (const p of ps ?? []) if (p.allowed === allowed && !p.conn.intersect(within).isEmpty) out.push(...pieceReasons(side2, p, dir));
  };
  const hp = h ?? networkPolicyPieces(head, dir);
  const bp = b ?? networkPolicyPieces(base2, dir);
  add("head", hp, true, opened);
  add("base", bp, false, opened);
  add("head", hp, false, closed);
  add("base", bp, true, closed);
  return out;
}
function decisions(p, dir) {
  return p.src === void 0 || p.dst === void 0 ? null : p.r.decisions(p.src, p.dst, dir);
}
function networkPolicyPieces(p, dir) {
  if (p.src === void 0 || p.dst === void 0) return [];
  const subject = dir === "ingress" ? p.dst : p.src;
  if (subject >= p.r.universe.podClasses.length) return [];
  const policies = p.r.isolating(subject, dir);
  if (policies.length === 0) return [];
  const matches3 = p.r.matchingRules(p.src, p.dst, dir);
  const allowed = matches3.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE);
  return [
    { conn: allowed, allowed: true, passedBy: [], by: { kind: "allowed-by-rules", matches: matches3 } },
    { conn: ConnSet.ALL.subtract(allowed), allowed: false, passedBy: [], by: { kind: "isolated", policies } }
  ].filter((x) => !x.conn.isEmpty);
}
function pieceReasons(side2, p, dir) {
  const passed = p.passedBy.map((a) => adminReason(side2, a, "passes"));
  switch (p.by.kind) {
    case "admin":
      return [...passed, adminReason(side2, p.by.applied, p.allowed ? "allows" : "denies")];
    case "allowed-by-rules":
      return [
        ...passed,
        ...p.by.matches.map((m) => ruleReason(side2, m.policy, m.rule))
      ];
    case "isolated":
      return [...passed, ...p.by.policies.map((pol) => isolationReason(side2, pol, dir))];
    case "default":
      return passed;
  }
}
function adminReason(side2, { policy, rule }, effect) {
  return adminRuleReason(side2, policy.id, rule, effect, adminWords(policy, rule));
}
function adminWords(policy, rule) {
  const v1alpha1 = policy.kind !== "ClusterNetworkPolicy";
  const action = rule.action === "accept" ? v1alpha1 ? "Allow" : "Accept" : rule.action === "deny" ? "Deny" : "Pass";
  return { kind: policy.kind, name: policy.name, tier: policy.tier === "admin" ? "Admin" : "Baseline", priority: policy.priority, action, ruleName: rule.name };
}

// src/diff/explain.ts
function view(p, dir) {
  if (p.src === void 0 || p.dst === void 0) return void 0;
  const P = p.r.universe.podClasses.length;
  const subject = dir === "ingress" ? p.dst : p.src;
  if (subject >= P) return void 0;
  const isolating = p.r.isolating(subject, dir);
  const matches3 = isolating.length > 0 ? p.r.matchingRules(p.src, p.dst, dir) : [];
  const conn = isolating.length === 0 ? ConnSet.ALL : matches3.reduce((acc, m) => acc.union(m.conn), ConnSet.NONE);
  return {
    isolated: isolating.length > 0,
    conn,
    reasons: (side2, effect, within) => matches3.filter((m) => !m.conn.intersect(within).isEmpty).map((m) => ruleReason(side2, m.policy, m.rule, effect)),
    isolatedBy: (side2) => isolating.map((pol) => isolationReason(side2, pol, dir))
  };
}
function explain(base2, head, opened, closed) {
  const out = [];
  for (const dir of ["egress", "ingress"]) {
    const tiered = tierReasons(base2, head, dir, opened, closed);
    if (tiered !== null) {
      out.push(...tiered);
      continue;
    }
    const b = view(base2, dir);
    const h = view(head, dir);
    const bConn = b?.conn ?? ConnSet.NONE;
    const hConn = h?.conn ?? ConnSet.NONE;
    const openedHere = hConn.subtract(bConn).intersect(opened);
    if (!openedHere.isEmpty && h) {
      if (h.isolated) out.push(...h.reasons("head", "allows", openedHere));
      else if (b?.isolated) out.push(...b.isolatedBy("base"));
    }
    const closedHere = bConn.subtract(hConn).intersect(closed);
    if (!closedHere.isEmpty && b) {
      const narrowed = b.isolated ? b.reasons("base", "allows", closedHere) : [];
      out.push(...narrowed);
      if (h?.isolated && (!b.isolated || narrowed.length === 0)) out.push(...h.isolatedBy("head"));
    }
  }
  return dedupe(out);
}
function dedupe(rs) {
  const seen = /* @__PURE__ */ new Set();
  return rs.filter((r) => {
    const k = reasonKey(r);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

// src/diff/compute.ts
function diffSides(base2, head, options = {}) {
  const universe = buildUniverse([base2, head], options);
  const shared = new Shared([base2, head]);
  const rb = evaluate(universe, base2, shared);
  const rh = evaluate(universe, head, shared);
  const [inBase, inHead] = universe.classOf;
  const P = universe.podClasses.length;
  const pods = /* @__PURE__ */ new Map();
  for (const ep of base2.pods) pods.set(ep.id, ep);
  for (const ep of head.pods) pods.set(ep.id, ep);
  const podList = [...pods.values()];
  const explained = /* @__PURE__ */ new Map();
  const keys2 = new TupleIds();
  const connPairs = new TupleIds();
  const connTexts = /* @__PURE__ */ new Map();
  const connIds = /* @__PURE__ */ new Map();
  const connId = (c) => {
    let n = connIds.get(c);
    if (n === void 0) {
      const text2 = c.toString();
      n = connTexts.get(text2);
      if (n === void 0) connTexts.set(text2, n = connTexts.size);
      connIds.set(c, n);
    }
    return n;
  };
  const outcome2 = (bs, bd, hs, hd) => {
    const bConn = bs === void 0 || bd === void 0 ? ConnSet.NONE : rb.conn(bs, bd);
    const hConn = hs === void 0 || hd === void 0 ? ConnSet.NONE : rh.conn(hs, hd);
    if (bConn === hConn || bConn.equals(hConn)) return null;
    const explain1 = () => {
      const opened = hConn.subtract(bConn);
      const closed = bConn.subtract(hConn);
      return { base: bConn, head: hConn, opened, closed, why: explain({ r: rb, src: bs, dst: bd }, { r: rh, src: hs, dst: hd }, opened, closed) };
    };
    if (options.exhaustive) return explain1();
    const none = bs === void 0 || bd === void 0;
    const key = keys2.id(
      connPairs.id(connId(bConn), connId(hConn), 0, 0, 0),
      none ? -2 : rb.explanationId(bs, bd, "egress"),
      none ? -2 : rb.explanationId(bs, bd, "ingress"),
      hs === void 0 || hd === void 0 ? -2 : rh.explanationId(hs, hd, "egress"),
      hs === void 0 || hd === void 0 ? -2 : rh.explanationId(hs, hd, "ingress")
    );
    let o = explained.get(key);
    if (o === void 0) explained.set(key, o = explain1());
    return o;
  };
  const changes = [];
  const record = (src, dst, o, endpoint) => {
    const type = o.base.isEmpty ? "added" : o.head.isEmpty ? "removed" : "changed";
    changes.push({ type, src, dst, base: o.base, head: o.head, opened: o.opened, closed: o.closed, endpoint, why: o.why });
  };
  const endpointChange = (...gs) => gs.some((g) => g.b === void 0) ? "added" : gs.some((g) => g.h === void 0) ? "removed" : null;
  const byKey = /* @__PURE__ */ new Map();
  for (const ep of podList) {
    const b = inBase.get(ep.id);
    const h = inHead.get(ep.id);
    const key = `${b}:${h}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, g = { b, h, members: [] });
    g.members.push(ep);
  }
  const groups2 = [...byKey.values()];
  const pairs = options.exhaustive ? allPairs(groups2.length) : touchedPairs(groups2, rb, rh, P);
  const merged = new Map(universe.externals.map((e, i) => [String(i), e]));
  const classes = new Set(universe.externals);
  for (let a = 0; a < groups2.length; a++) {
    const ga = groups2[a];
    for (const b of pairs.groups[a] ?? []) {
      const gb = groups2[b];
      const o = outcome2(ga.b, gb.b, ga.h, gb.h);
      if (!o) continue;
      const endpoint = endpointChange(ga, gb);
      for (const x of ga.members) for (const y of gb.members) if (x !== y || x.type !== "workload") record(x, y, o, endpoint);
    }
    const own = endpointChange(ga);
    const out = pairs.externalsOut[a];
    if (out) {
      const outs = new MergedExternals();
      for (const e of out) outs.add(e, outcome2(ga.b, P + e, ga.h, P + e));
      for (const [ext, o] of outs.merged(universe.externals, merged)) for (const x of ga.members) record(x, ext, o, own);
    }
    const inn = pairs.externalsIn[a];
    if (inn) {
      const ins = new MergedExternals();
      for (const e of inn) ins.add(e, outcome2(P + e, ga.b, P + e, ga.h));
      for (const [ext, o] of ins.merged(universe.externals, merged)) for (const x of ga.members) record(ext, x, o, own);
    }
  }
  const sorted2 = sortByIds(changes, [...podList, ...merged.values()]);
  return { universe, base: rb, head: rh, endpoints: [...podList, ...universe.externals], changedExternals: [...merged.values()].filter((e) => !classes.has(e)).sort(byAddress), changes: sorted2 };
  function allPairs(n) {
    const every = Array.from({ length: n }, (_, i) => i);
    const externals = universe.externals.map((_, i) => i);
    return { groups: every.map(() => every), externalsOut: every.map(() => externals), externalsIn: every.map(() => externals) };
  }
}
function touchedPairs(groups2, rb, rh, P) {
  const E = rb.size - P;
  const n = groups2.length;
  const dst = Array.from({ length: n }, () => /* @__PURE__ */ new Set());
  const extOut = Array.from({ length: n }, () => /* @__PURE__ */ new Set());
  const extIn = Array.from({ length: n }, () => /* @__PURE__ */ new Set());
  const stayed = /* @__PURE__ */ new Map();
  groups2.forEach((g, i) => {
    if (g.b !== void 0 && g.b === g.h) stayed.set(g.b, i);
  });
  const moved = groups2.flatMap((g, i) => g.b !== void 0 && g.b === g.h ? [] : [i]);
  const everyGroup = groups2.map((_, i) => i);
  const everyExternal = Array.from({ length: E }, (_, i) => i);
  for (const a of moved) {
    for (const b of everyGroup) {
      dst[a].add(b);
      dst[b].add(a);
    }
    for (const e of everyExternal) {
      extOut[a].add(e);
      extIn[a].add(e);
    }
  }
  for (const [cls, g] of stayed) {
    for (const dir of ["egress", "ingress"]) {
      if (sameGoverning(rb.governing(cls, dir), rh.governing(cls, dir)) || rb.signature(cls, dir) === rh.signature(cls, dir)) continue;
      const nodes = rowDifference(rb.row(cls, dir), rh.row(cls, dir));
      const each = (node) => {
        if (node >= P) (dir === "egress" ? extOut : extIn)[g].add(node - P);
        else {
          const other = stayed.get(node);
          if (other === void 0) return;
          if (dir === "egress") dst[g].add(other);
          else dst[other].add(g);
        }
      };
      if (nodes === "all") for (let node = 0; node < P + E; node++) each(node);
      else for (const node of nodes) each(node);
    }
  }
  const sorted2 = (s) => s.size === 0 ? void 0 : [...s].sort((x, y) => x - y);
  return { groups: dst.map(sorted2), externalsOut: extOut.map(sorted2), externalsIn: extIn.map(sorted2) };
}
var MergedExternals = class {
  // By outcome object first (explained pairs share theirs), by what the outcome says when merged.
  byOutcome = /* @__PURE__ */ new Map();
  add(e, o) {
    if (!o) return;
    const list6 = this.byOutcome.get(o);
    if (list6) list6.push(e);
    else this.byOutcome.set(o, [e]);
  }
  /**
   * The merged endpoints with their outcome. `made` holds the endpoints made so far by the
   * external classes they merge, so that pod classes merging the same ones share one object.
   */
  merged(externals, made) {
    const buckets = /* @__PURE__ */ new Map();
    for (const [o, classes] of this.byOutcome) {
      const says = `${o.base.toString()}|${o.head.toString()}|${o.why.map(reasonKey).join("")}`;
      for (const e of classes) {
        const family = externals[e].ranges[0].family;
        const key = `${family}|${says}`;
        const bucket = buckets.get(key);
        if (bucket) bucket.classes.push(e);
        else buckets.set(key, { family, classes: [e], outcome: o });
      }
    }
    return [...buckets.values()].map((b) => {
      const key = b.classes.sort((x, y) => x - y).join(",");
      let ext = made.get(key);
      if (ext === void 0) made.set(key, ext = externalEndpoint(b.family, b.classes.flatMap((e) => externals[e].ranges)));
      return [ext, b.outcome];
    });
  }
};
function sortByIds(changes, endpoints) {
  const ids = [...new Set(endpoints.map((e) => e.id))].sort(cmp);
  const rankOfId = new Map(ids.map((id, i) => [id, i]));
  const rank = new Map(endpoints.map((e) => [e, rankOfId.get(e.id)]));
  const n = changes.length;
  const R = ids.length;
  const keys2 = new Float64Array(n);
  let exact = R * R * n < 2 ** 53;
  for (let i = 0; i < n && exact; i++) {
    const s = rank.get(changes[i].src);
    const d = rank.get(changes[i].dst);
    if (s === void 0 || d === void 0) exact = false;
    else keys2[i] = (s * R + d) * n + i;
  }
  if (!exact) return changes.sort((x, y) => cmp(x.src.id, y.src.id) || cmp(x.dst.id, y.dst.id));
  keys2.sort();
  const out = new Array(n);
  for (let k = 0; k < n; k++) out[k] = changes[keys2[k] % n];
  return out;
}
function byAddress(x, y) {
  const a = x.ranges[0];
  const b = y.ranges[0];
  if (a.family !== b.family) return a.family === "v4" ? -1 : 1;
  return a.lo < b.lo ? -1 : a.lo > b.lo ? 1 : cmp(x.id, y.id);
}
function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// node_modules/diff/libesm/diff/base.js
var Diff = class {
  diff(oldStr, newStr, options = {}) {
    let callback;
    if (typeof options === "function") {
      callback = options;
      options = {};
    } else if ("callback" in options) {
      callback = options.callback;
    }
    const oldString = this.castInput(oldStr, options);
    const newString = this.castInput(newStr, options);
    const oldTokens = this.removeEmpty(this.tokenize(oldString, options));
    const newTokens = this.removeEmpty(this.tokenize(newString, options));
    return this.diffWithOptionsObj(oldTokens, newTokens, options, callback);
  }
  diffWithOptionsObj(oldTokens, newTokens, options, callback) {
    var _a;
    const done = (value) => {
      value = this.postProcess(value, options);
      if (callback) {
        setTimeout(function() {
          callback(value);
        }, 0);
        return void 0;
      } else {
        return value;
      }
    };
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let editLength = 1;
    let maxEditLength = newLen + oldLen;
    if (options.maxEditLength != null) {
      maxEditLength = Math.min(maxEditLength, options.maxEditLength);
    }
    const maxExecutionTime = (_a = options.timeout) !== null && _a !== void 0 ? _a : Infinity;
    const abortAfterTimestamp = Date.now() + maxExecutionTime;
    const bestPath = [{ oldPos: -1, lastComponent: void 0 }];
    let newPos = this.extractCommon(bestPath[0], newTokens, oldTokens, 0, options);
    if (bestPath[0].oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
      return done(this.buildValues(bestPath[0].lastComponent, newTokens, oldTokens));
    }
    let minDiagonalToConsider = -Infinity, maxDiagonalToConsider = Infinity;
    const execEditLength = () => {
      for (let diagonalPath = Math.max(minDiagonalToConsider, -editLength); diagonalPath <= Math.min(maxDiagonalToConsider, editLength); diagonalPath += 2) {
        let basePath;
        const removePath = bestPath[diagonalPath - 1], addPath = bestPath[diagonalPath + 1];
        if (removePath) {
          bestPath[diagonalPath - 1] = void 0;
        }
        let canAdd = false;
        if (addPath) {
          const addPathNewPos = addPath.oldPos - diagonalPath;
          canAdd = addPath && 0 <= addPathNewPos && addPathNewPos < newLen;
        }
        const canRemove = removePath && removePath.oldPos + 1 < oldLen;
        if (!canAdd && !canRemove) {
          bestPath[diagonalPath] = void 0;
          continue;
        }
        if (!canRemove || canAdd && removePath.oldPos < addPath.oldPos) {
          basePath = this.addToPath(addPath, true, false, 0, options);
        } else {
          basePath = this.addToPath(removePath, false, true, 1, options);
        }
        newPos = this.extractCommon(basePath, newTokens, oldTokens, diagonalPath, options);
        if (basePath.oldPos + 1 >= oldLen && newPos + 1 >= newLen) {
          return done(this.buildValues(basePath.lastComponent, newTokens, oldTokens)) || true;
        } else {
          bestPath[diagonalPath] = basePath;
          if (basePath.oldPos + 1 >= oldLen) {
            maxDiagonalToConsider = Math.min(maxDiagonalToConsider, diagonalPath - 1);
          }
          if (newPos + 1 >= newLen) {
            minDiagonalToConsider = Math.max(minDiagonalToConsider, diagonalPath + 1);
          }
        }
      }
      editLength++;
    };
    if (callback) {
      (function exec() {
        setTimeout(function() {
          if (editLength > maxEditLength || Date.now() > abortAfterTimestamp) {
            return callback(void 0);
          }
          if (!execEditLength()) {
            exec();
          }
        }, 0);
      })();
    } else {
      while (editLength <= maxEditLength && Date.now() <= abortAfterTimestamp) {
        const ret = execEditLength();
        if (ret) {
          return ret;
        }
      }
    }
  }
  addToPath(path17, added, removed, oldPosInc, options) {
    const last = path17.lastComponent;
    if (last && !options.oneChangePerToken && last.added === added && last.removed === removed) {
      return {
        oldPos: path17.oldPos + oldPosInc,
        lastComponent: { count: last.count + 1, added, removed, previousComponent: last.previousComponent }
      };
    } else {
      return {
        oldPos: path17.oldPos + oldPosInc,
        lastComponent: { count: 1, added, removed, previousComponent: last }
      };
    }
  }
  extractCommon(basePath, newTokens, oldTokens, diagonalPath, options) {
    const newLen = newTokens.length, oldLen = oldTokens.length;
    let oldPos = basePath.oldPos, newPos = oldPos - diagonalPath, commonCount = 0;
    while (newPos + 1 < newLen && oldPos + 1 < oldLen && this.equals(oldTokens[oldPos + 1], newTokens[newPos + 1], options)) {
      newPos++;
      oldPos++;
      commonCount++;
      if (options.oneChangePerToken) {
        basePath.lastComponent = { count: 1, previousComponent: basePath.lastComponent, added: false, removed: false };
      }
    }
    if (commonCount && !options.oneChangePerToken) {
      basePath.lastComponent = { count: commonCount, previousComponent: basePath.lastComponent, added: false, removed: false };
    }
    basePath.oldPos = oldPos;
    return newPos;
  }
  equals(left, right, options) {
    if (options.comparator) {
      return options.comparator(left, right);
    } else {
      return left === right || !!options.ignoreCase && left.toLowerCase() === right.toLowerCase();
    }
  }
  removeEmpty(array) {
    const ret = [];
    for (let i = 0; i < array.length; i++) {
      if (array[i]) {
        ret.push(array[i]);
      }
    }
    return ret;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  castInput(value, options) {
    return value;
  }
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  tokenize(value, options) {
    return Array.from(value);
  }
  join(chars) {
    return chars.join("");
  }
  postProcess(changeObjects, options) {
    return changeObjects;
  }
  get useLongestToken() {
    return false;
  }
  buildValues(lastComponent, newTokens, oldTokens) {
    const components = [];
    let nextComponent;
    while (lastComponent) {
      components.push(lastComponent);
      nextComponent = lastComponent.previousComponent;
      delete lastComponent.previousComponent;
      lastComponent = nextComponent;
    }
    components.reverse();
    const componentLen = components.length;
    let componentPos = 0, newPos = 0, oldPos = 0;
    for (; componentPos < componentLen; componentPos++) {
      const component = components[componentPos];
      if (!component.removed) {
        if (!component.added && this.useLongestToken) {
          let value = newTokens.slice(newPos, newPos + component.count);
          value = value.map(function(value2, i) {
            const oldValue = oldTokens[oldPos + i];
            return oldValue.length > value2.length ? oldValue : value2;
          });
          component.value = this.join(value);
        } else {
          component.value = this.join(newTokens.slice(newPos, newPos + component.count));
        }
        newPos += component.count;
        if (!component.added) {
          oldPos += component.count;
        }
      } else {
        component.value = this.join(oldTokens.slice(oldPos, oldPos + component.count));
        oldPos += component.count;
      }
    }
    return components;
  }
};

// node_modules/diff/libesm/diff/line.js
var LineDiff = class extends Diff {
  constructor() {
    super(...arguments);
    this.tokenize = tokenize;
  }
  equals(left, right, options) {
    if (options.ignoreWhitespace) {
      if (!options.newlineIsToken || !left.includes("\n")) {
        left = left.trim();
      }
      if (!options.newlineIsToken || !right.includes("\n")) {
        right = right.trim();
      }
    } else if (options.ignoreNewlineAtEof && !options.newlineIsToken) {
      if (left.endsWith("\n")) {
        left = left.slice(0, -1);
      }
      if (right.endsWith("\n")) {
        right = right.slice(0, -1);
      }
    }
    return super.equals(left, right, options);
  }
};
var lineDiff = new LineDiff();
function diffLines(oldStr, newStr, options) {
  return lineDiff.diff(oldStr, newStr, options);
}
function tokenize(value, options) {
  if (options.stripTrailingCr) {
    value = value.replace(/\r\n/g, "\n");
  }
  const retLines = [], linesAndNewlines = value.split(/(\n|\r\n)/);
  if (!linesAndNewlines[linesAndNewlines.length - 1]) {
    linesAndNewlines.pop();
  }
  for (let i = 0; i < linesAndNewlines.length; i++) {
    const line = linesAndNewlines[i];
    if (i % 2 && !options.newlineIsToken) {
      retLines[retLines.length - 1] += line;
    } else {
      retLines.push(line);
    }
  }
  return retLines;
}

// node_modules/diff/libesm/patch/create.js
function needsQuoting(s) {
  for (let i = 0; i < s.length; i++) {
    if (s[i] < " " || s[i] > "~" || s[i] === '"' || s[i] === "\\") {
      return true;
    }
  }
  return false;
}
function quoteFileNameIfNeeded(s) {
  if (!needsQuoting(s)) {
    return s;
  }
  let result = '"';
  const bytes = new TextEncoder().encode(s);
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b === 7) {
      result += "\\a";
    } else if (b === 8) {
      result += "\\b";
    } else if (b === 9) {
      result += "\\t";
    } else if (b === 10) {
      result += "\\n";
    } else if (b === 11) {
      result += "\\v";
    } else if (b === 12) {
      result += "\\f";
    } else if (b === 13) {
      result += "\\r";
    } else if (b === 34) {
      result += '\\"';
    } else if (b === 92) {
      result += "\\\\";
    } else if (b >= 32 && b <= 126) {
      result += String.fromCharCode(b);
    } else {
      result += "\\" + b.toString(8).padStart(3, "0");
    }
    i++;
  }
  result += '"';
  return result;
}
var INCLUDE_HEADERS = {
  includeIndex: true,
  includeUnderline: true,
  includeFileHeaders: true
};
function structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  let optionsObj;
  if (!options) {
    optionsObj = {};
  } else if (typeof options === "function") {
    optionsObj = { callback: options };
  } else {
    optionsObj = options;
  }
  if (typeof optionsObj.context === "undefined") {
    optionsObj.context = 4;
  }
  const context = optionsObj.context;
  if (optionsObj.newlineIsToken) {
    throw new Error("newlineIsToken may not be used with patch-generation functions, only with diffing functions");
  }
  if (!optionsObj.callback) {
    return diffLinesResultToPatch(diffLines(oldStr, newStr, optionsObj));
  } else {
    const { callback } = optionsObj;
    diffLines(oldStr, newStr, Object.assign(Object.assign({}, optionsObj), { callback: (diff2) => {
      const patch = diffLinesResultToPatch(diff2);
      callback(patch);
    } }));
  }
  function diffLinesResultToPatch(diff2) {
    if (!diff2) {
      return;
    }
    diff2.push({ value: "", lines: [] });
    function contextLines(lines) {
      return lines.map(function(entry2) {
        return " " + entry2;
      });
    }
    const hunks = [];
    let oldRangeStart = 0, newRangeStart = 0, curRange = [], oldLine = 1, newLine = 1;
    for (let i = 0; i < diff2.length; i++) {
      const current = diff2[i], lines = current.lines || splitLines(current.value);
      current.lines = lines;
      if (current.added || current.removed) {
        if (!oldRangeStart) {
          const prev = diff2[i - 1];
          oldRangeStart = oldLine;
          newRangeStart = newLine;
          if (prev) {
            curRange = context > 0 ? contextLines(prev.lines.slice(-context)) : [];
            oldRangeStart -= curRange.length;
            newRangeStart -= curRange.length;
          }
        }
        for (const line of lines) {
          curRange.push((current.added ? "+" : "-") + line);
        }
        if (current.added) {
          newLine += lines.length;
        } else {
          oldLine += lines.length;
        }
      } else {
        if (oldRangeStart) {
          if (lines.length <= context * 2 && i < diff2.length - 2) {
            for (const line of contextLines(lines)) {
              curRange.push(line);
            }
          } else {
            const contextSize = Math.min(lines.length, context);
            for (const line of contextLines(lines.slice(0, contextSize))) {
              curRange.push(line);
            }
            const hunk = {
              oldStart: oldRangeStart,
              oldLines: oldLine - oldRangeStart + contextSize,
              newStart: newRangeStart,
              newLines: newLine - newRangeStart + contextSize,
              lines: curRange
            };
            hunks.push(hunk);
            oldRangeStart = 0;
            newRangeStart = 0;
            curRange = [];
          }
        }
        oldLine += lines.length;
        newLine += lines.length;
      }
    }
    for (const hunk of hunks) {
      for (let i = 0; i < hunk.lines.length; i++) {
        if (hunk.lines[i].endsWith("\n")) {
          hunk.lines[i] = hunk.lines[i].slice(0, -1);
        } else {
          hunk.lines.splice(i + 1, 0, "\\ No newline at end of file");
          i++;
        }
      }
    }
    return {
      oldFileName,
      newFileName,
      oldHeader,
      newHeader,
      hunks
    };
  }
}
function formatPatch(patch, headerOptions) {
  var _a, _b, _c, _d, _e, _f;
  if (!headerOptions) {
    headerOptions = INCLUDE_HEADERS;
  }
  if (Array.isArray(patch)) {
    if (patch.length > 1 && !headerOptions.includeFileHeaders && !patch.every((p) => p.isGit)) {
      throw new Error("Cannot omit file headers on a multi-file patch. (The result would be unparseable; how would a tool trying to apply the patch know which changes are to which file?)");
    }
    return patch.map((p) => formatPatch(p, headerOptions)).join("\n");
  }
  const ret = [];
  if (patch.isGit) {
    headerOptions = INCLUDE_HEADERS;
    if (!patch.oldFileName) {
      throw new Error("oldFileName must be specified for Git patches");
    }
    if (!patch.newFileName) {
      throw new Error("newFileName must be specified for Git patches");
    }
    let gitOldName = patch.oldFileName;
    let gitNewName = patch.newFileName;
    if (patch.isCreate && gitOldName === "/dev/null") {
      gitOldName = gitNewName.replace(/^b\//, "a/");
    } else if (patch.isDelete && gitNewName === "/dev/null") {
      gitNewName = gitOldName.replace(/^a\//, "b/");
    }
    ret.push("diff --git " + quoteFileNameIfNeeded(gitOldName) + " " + quoteFileNameIfNeeded(gitNewName));
    if (patch.isDelete) {
      ret.push("deleted file mode " + ((_a = patch.oldMode) !== null && _a !== void 0 ? _a : "100644"));
    }
    if (patch.isCreate) {
      ret.push("new file mode " + ((_b = patch.newMode) !== null && _b !== void 0 ? _b : "100644"));
    }
    if (patch.oldMode && patch.newMode && !patch.isDelete && !patch.isCreate) {
      ret.push("old mode " + patch.oldMode);
      ret.push("new mode " + patch.newMode);
    }
    if (patch.isRename) {
      ret.push("rename from " + quoteFileNameIfNeeded(((_c = patch.oldFileName) !== null && _c !== void 0 ? _c : "").replace(/^a\//, "")));
      ret.push("rename to " + quoteFileNameIfNeeded(((_d = patch.newFileName) !== null && _d !== void 0 ? _d : "").replace(/^b\//, "")));
    }
    if (patch.isCopy) {
      ret.push("copy from " + quoteFileNameIfNeeded(((_e = patch.oldFileName) !== null && _e !== void 0 ? _e : "").replace(/^a\//, "")));
      ret.push("copy to " + quoteFileNameIfNeeded(((_f = patch.newFileName) !== null && _f !== void 0 ? _f : "").replace(/^b\//, "")));
    }
  } else {
    if (headerOptions.includeIndex && patch.oldFileName == patch.newFileName && patch.oldFileName !== void 0) {
      ret.push("Index: " + patch.oldFileName);
    }
    if (headerOptions.includeUnderline) {
      ret.push("===================================================================");
    }
  }
  const hasHunks = patch.hunks.length > 0;
  if (headerOptions.includeFileHeaders && patch.oldFileName !== void 0 && patch.newFileName !== void 0 && (!patch.isGit || hasHunks)) {
    ret.push("--- " + quoteFileNameIfNeeded(patch.oldFileName) + (patch.oldHeader ? "	" + patch.oldHeader : ""));
    ret.push("+++ " + quoteFileNameIfNeeded(patch.newFileName) + (patch.newHeader ? "	" + patch.newHeader : ""));
  }
  for (let i = 0; i < patch.hunks.length; i++) {
    const hunk = patch.hunks[i];
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    ret.push("@@ -" + oldStart + "," + hunk.oldLines + " +" + newStart + "," + hunk.newLines + " @@");
    for (const line of hunk.lines) {
      ret.push(line);
    }
  }
  return ret.join("\n") + "\n";
}
function createTwoFilesPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options) {
  if (typeof options === "function") {
    options = { callback: options };
  }
  if (!(options === null || options === void 0 ? void 0 : options.callback)) {
    const patchObj = structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, options);
    if (!patchObj) {
      return;
    }
    return formatPatch(patchObj, options === null || options === void 0 ? void 0 : options.headerOptions);
  } else {
    const { callback } = options;
    structuredPatch(oldFileName, newFileName, oldStr, newStr, oldHeader, newHeader, Object.assign(Object.assign({}, options), { callback: (patchObj) => {
      if (!patchObj) {
        callback(void 0);
      } else {
        callback(formatPatch(patchObj, options.headerOptions));
      }
    } }));
  }
}
function splitLines(text2) {
  const hasTrailingNl = text2.endsWith("\n");
  const result = text2.split("\n").map((line) => line + "\n");
  if (hasTrailingNl) {
    result.pop();
  } else {
    result.push(result.pop().slice(0, -1));
  }
  return result;
}

// src/diff/policy-text.ts
var import_yaml = __toESM(require_dist(), 1);

// src/load/checker.ts
function formatPath(path17) {
  let out = "";
  for (const p of path17) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out;
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var Checker = class {
  constructor(object, subject) {
    this.object = object;
    this.subject = subject;
  }
  object;
  subject;
  diagnostics = [];
  errorCount = 0;
  get hasErrors() {
    return this.errorCount > 0;
  }
  report(severity, path17, message) {
    if (severity === "error") this.errorCount++;
    const where = path17.length > 0 ? `${formatPath(path17)}: ` : "";
    this.diagnostics.push(diagnostic(severity, this.object.file, this.object.locate(path17), `${this.subject}: ${where}${message}`));
  }
  error(path17, message) {
    this.report("error", path17, message);
  }
  warning(path17, message) {
    this.report("warning", path17, message);
  }
  note(path17, message) {
    this.report("note", path17, message);
  }
  get(path17) {
    let cur = this.object.body;
    for (const p of path17) {
      if (typeof p === "number") cur = Array.isArray(cur) ? cur[p] : void 0;
      else cur = isPlainObject(cur) ? cur[p] : void 0;
      if (cur === void 0) return void 0;
    }
    return cur;
  }
  /** True when the field is absent or null (the API treats both as unset). */
  isUnset(path17) {
    const v = this.get(path17);
    return v === void 0 || v === null;
  }
  /** A mapping, or undefined when unset; a value of another type is an error. */
  map(path17) {
    const v = this.get(path17);
    if (v === void 0 || v === null) return void 0;
    if (isPlainObject(v)) return v;
    this.error(path17, `must be a mapping (object), not ${describe(v)}`);
    return void 0;
  }
  list(path17) {
    const v = this.get(path17);
    if (v === void 0 || v === null) return void 0;
    if (Array.isArray(v)) return v;
    this.error(path17, `must be a list, not ${describe(v)}`);
    return void 0;
  }
  string(path17) {
    const v = this.get(path17);
    if (v === void 0 || v === null) return void 0;
    if (typeof v === "string") return v;
    this.error(path17, `must be a string, not ${describe(v)}`);
    return void 0;
  }
  /** Warns about keys the API does not know: a typo like `podselector` silently changes meaning. */
  knownKeys(path17, known) {
    const m = this.get(path17);
    if (!isPlainObject(m)) return;
    for (const k of Object.keys(m)) {
      if (!known.includes(k)) {
        this.warning([...path17, k], `unknown field "${k}" (expected one of ${known.join(", ")}); the API server drops it or, with strict validation, rejects the object`);
      }
    }
  }
};
function describe(v) {
  if (v === null) return "null";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `the string ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + "\u2026" : v)}`;
  return `${typeof v} ${String(v)}`;
}

// src/diff/policy-text.ts
var ADMIN_KINDS = /* @__PURE__ */ new Set(["AdminNetworkPolicy", "BaselineAdminNetworkPolicy", "ClusterNetworkPolicy"]);
function adminInfo(obj3) {
  if (!ADMIN_KINDS.has(obj3.kind)) return void 0;
  const meta = isPlainObject(obj3.body["metadata"]) ? obj3.body["metadata"] : {};
  const spec = isPlainObject(obj3.body["spec"]) ? obj3.body["spec"] : {};
  const subject = isPlainObject(spec["subject"]) ? spec["subject"] : void 0;
  const ns = subject?.["namespaces"];
  const scope = subject === void 0 ? "unknown" : isPlainObject(ns) ? Object.keys(ns).length === 0 ? "every-namespace" : "namespaces" : isPlainObject(subject["pods"]) ? "pods" : "unknown";
  return { kind: obj3.kind, name: typeof meta["name"] === "string" ? meta["name"] : "", priority: typeof spec["priority"] === "number" ? spec["priority"] : null, subject: scope };
}
function policyTextChanges(base2, head) {
  const out = [];
  for (const id of [.../* @__PURE__ */ new Set([...base2.keys(), ...head.keys()])].sort()) {
    const b = base2.get(id);
    const h = head.get(id);
    if (b && h && b.file === h.file && (b.text === h.text || b.ownText === h.ownText)) continue;
    const at3 = h ?? b;
    const admin = adminInfo(at3);
    const rendered = b?.rendered === true || h?.rendered === true;
    const where = { file: at3.file, line: at3.locate([]).line, rendered, ...admin ? { admin } : {} };
    if (b && h && normalized(b) === normalized(h)) {
      if (b.file !== h.file || b.ownText.trim() !== h.ownText.trim()) out.push({ id, status: "reformatted", ...where, patch: "" });
      continue;
    }
    const status = !b ? "added" : !h ? "removed" : "modified";
    let patch;
    out.push({
      id,
      status,
      ...where,
      get patch() {
        return patch ??= rendered ? fieldPatch(b, h) : sourcePatch(b, h);
      }
    });
  }
  return out;
}
function sourcePatch(b, h) {
  const [bText, bLine] = b ? ownLines(b) : ["", 0];
  const [hText, hLine] = h ? ownLines(h) : ["", 0];
  const p = structuredPatch(b ? `a/${b.file}` : "/dev/null", h ? `b/${h.file}` : "/dev/null", bText, hText, "", "", { context: 3 });
  const out = [`--- ${p.oldFileName}`, `+++ ${p.newFileName}`];
  for (const hunk of p.hunks) {
    const from = hunk.oldLines === 0 ? hunk.oldStart - 1 + Math.max(0, bLine - 1) : hunk.oldStart + bLine - 1;
    const to = hunk.newLines === 0 ? hunk.newStart - 1 + Math.max(0, hLine - 1) : hunk.newStart + hLine - 1;
    out.push(`@@ -${from},${hunk.oldLines} +${to},${hunk.newLines} @@`, ...hunk.lines);
  }
  return `${out.join("\n")}
`;
}
function ownLines(o) {
  const lines = o.ownText.split(/\r\n|\r|\n/);
  let first = 0;
  while (first < lines.length - 1 && /^---\s*$/.test(lines[first])) first++;
  let last = lines.length;
  while (last > first + 1 && lines[last - 1].trim() === "") last--;
  return [`${lines.slice(first, last).join("\n")}
`, o.ownLine + first];
}
function fieldPatch(b, h) {
  const bYaml = b ? authoredYaml(b) : "";
  const hYaml = h ? authoredYaml(h) : "";
  const patch = createTwoFilesPatch(b ? "rendered at base" : "/dev/null", h ? "rendered at head" : "/dev/null", bYaml, hYaml, "", "", { context: 3 });
  return patch.split("\n").slice(1).map((l) => /^@@ -\d+(,\d+)? \+\d+(,\d+)? @@/.test(l) ? "@@ rendered fields @@" : l).join("\n");
}
function authoredYaml(obj3) {
  const meta = isPlainObject(obj3.body["metadata"]) ? obj3.body["metadata"] : {};
  const kept = { apiVersion: obj3.apiVersion, kind: obj3.kind, metadata: authoredMeta(meta) };
  if (obj3.body["spec"] !== void 0) kept["spec"] = obj3.body["spec"];
  return (0, import_yaml.stringify)(sortKeys(kept), { lineWidth: 0 });
}
function authoredMeta(meta) {
  const out = {};
  for (const k of ["name", "namespace", "labels"]) if (meta[k] !== void 0) out[k] = meta[k];
  return out;
}
function normalized(obj3) {
  const meta = isPlainObject(obj3.body["metadata"]) ? obj3.body["metadata"] : {};
  const spec = isPlainObject(obj3.body["spec"]) ? { ...obj3.body["spec"] } : {};
  const dropEmpty = (k) => {
    const v = spec[k];
    if (v === null || Array.isArray(v) && v.length === 0) delete spec[k];
  };
  const egress = spec["egress"];
  if (!Array.isArray(spec["policyTypes"]) || spec["policyTypes"].length === 0) {
    spec["policyTypes"] = Array.isArray(egress) && egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
  if (spec["podSelector"] === void 0 || spec["podSelector"] === null) spec["podSelector"] = {};
  for (const dir of ["ingress", "egress"]) {
    const rules3 = spec[dir];
    if (!Array.isArray(rules3)) continue;
    spec[dir] = rules3.map((r) => {
      if (!isPlainObject(r) || !Array.isArray(r["ports"])) return r;
      return { ...r, ports: r["ports"].map((p) => isPlainObject(p) && p["protocol"] === void 0 ? { protocol: "TCP", ...p } : p) };
    });
  }
  dropEmpty("ingress");
  dropEmpty("egress");
  const kept = {
    apiVersion: obj3.apiVersion,
    kind: obj3.kind,
    metadata: { name: meta["name"], namespace: meta["namespace"] ?? obj3.defaultNamespace, ...isPlainObject(meta["labels"]) ? { labels: meta["labels"] } : {} },
    spec
  };
  return JSON.stringify(sortKeys(kept));
}
function sortKeys(v) {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (isPlainObject(v)) {
    const out = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys(v[k]);
    return out;
  }
  return v;
}

// src/load/label-syntax.ts
var NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
var DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function labelKeyProblem(key) {
  const parts = key.split("/");
  if (parts.length > 2) return `label key "${key}" has more than one "/"`;
  const name2 = parts.length === 2 ? parts[1] : parts[0];
  if (parts.length === 2) {
    const prefix = parts[0];
    if (prefix.length === 0) return `label key "${key}" has an empty prefix`;
    if (prefix.length > 253 || !DNS1123_SUBDOMAIN.test(prefix)) return `label key prefix "${prefix}" must be a lower-case DNS subdomain`;
  }
  if (name2.length === 0) return `label key "${key}" has an empty name`;
  if (name2.length > 63) return `label key name "${name2}" is longer than 63 characters`;
  if (!NAME.test(name2)) return `label key "${key}" must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
  return void 0;
}
function labelValueProblem(value) {
  if (value === "") return void 0;
  if (value.length > 63) return `label value "${value.slice(0, 20)}\u2026" is longer than 63 characters`;
  if (!NAME.test(value)) return `label value "${value}" must consist of alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric`;
  return void 0;
}

// src/load/object-meta.ts
var DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
function isDnsLabel(s) {
  return s.length <= 63 && DNS_LABEL.test(s);
}
function isDnsSubdomain(s) {
  return s.length <= 253 && DNS_SUBDOMAIN.test(s);
}
var RULE_TEXT = {
  "dns-label": "a lower-case DNS label: at most 63 characters a-z, 0-9 and '-', starting and ending with a letter or digit",
  "dns-subdomain": "a lower-case DNS subdomain: at most 253 characters a-z, 0-9, '-' and '.', each part starting and ending with a letter or digit"
};
function quoted(value) {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}\u2026` : value);
}
function objectMeta(obj3, metaKind = "namespaced") {
  const nameRule = metaKind === "namespace-object" ? "dns-label" : "dns-subdomain";
  const problems = [];
  const meta = obj3.body["metadata"];
  const fallback = obj3.defaultNamespace;
  if (!isPlainObject(meta)) {
    problems.push({ path: ["metadata"], message: "is required, with a name" });
    return { name: void 0, namespace: fallback, labels: {}, problems, nameShown: "(unnamed)", display: `${fallback}/(unnamed)` };
  }
  const rawName = meta["name"];
  const rawNs = meta["namespace"];
  let name2;
  let namespace = fallback;
  let nameShown = "(unnamed)";
  let nsShown = fallback;
  if (typeof rawName !== "string" || rawName === "") {
    problems.push({ path: ["metadata", "name"], message: "is required" });
  } else if (!(nameRule === "dns-label" ? isDnsLabel(rawName) : isDnsSubdomain(rawName))) {
    nameShown = quoted(rawName);
    problems.push({ path: ["metadata", "name"], message: `${nameShown} is invalid: it must be ${RULE_TEXT[nameRule]}` });
  } else {
    name2 = nameShown = rawName;
  }
  if (metaKind === "namespaced" && rawNs !== void 0 && rawNs !== null) {
    if (typeof rawNs !== "string" || rawNs === "") {
      problems.push({ path: ["metadata", "namespace"], message: "must be a non-empty string" });
      nsShown = "(invalid)";
    } else if (!isDnsLabel(rawNs)) {
      nsShown = quoted(rawNs);
      problems.push({ path: ["metadata", "namespace"], message: `${nsShown} is invalid: it must be ${RULE_TEXT["dns-label"]}` });
    } else {
      namespace = nsShown = rawNs;
    }
  }
  return {
    name: problems.length === 0 ? name2 : void 0,
    namespace,
    labels: isPlainObject(meta["labels"]) ? meta["labels"] : {},
    problems,
    nameShown,
    display: `${nsShown}/${nameShown}`
  };
}

// src/load/pod-set-option.ts
function parsePodSetOption(text2, option, example) {
  const fail = (why) => ({ ok: false, error: `${option}: ${JSON.stringify(text2)}: ${why}; expected NAMESPACE/KEY=VALUE[,KEY=VALUE...], e.g. ${example}` });
  const slash = text2.indexOf("/");
  const namespace = (slash < 0 ? text2 : text2.slice(0, slash)).trim();
  if (!isDnsLabel(namespace)) return fail(`"${namespace}" is not a namespace name (a DNS label)`);
  const labels2 = {};
  const rest = slash < 0 ? "" : text2.slice(slash + 1).trim();
  for (const item of rest === "" ? [] : rest.split(",")) {
    const eq = item.indexOf("=");
    if (eq < 0) return fail(`"${item.trim()}" is not KEY=VALUE (the pods need concrete labels)`);
    const key = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim().replace(/^=/, "");
    const problem = labelKeyProblem(key) ?? labelValueProblem(value);
    if (problem !== void 0) return fail(problem);
    labels2[key] = value;
  }
  return { ok: true, value: { namespace, labels: labels2 } };
}

// src/diff/name-servers.ts
var DNS_PORT = PortSet.range(53, 53);
var DNS = ConnSet.of({ TCP: DNS_PORT, UDP: DNS_PORT });
function parseDnsServer(text2) {
  return parsePodSetOption(text2, "dns-server", "kube-system/k8s-app=kube-dns");
}
var KUBE_DNS_LABEL = "k8s-app";
function hasLabels(pod, namespace, labels2) {
  return pod.namespace === namespace && Object.entries(labels2).every(([k, v]) => Object.prototype.hasOwnProperty.call(pod.labels, k) && pod.labels[k] === v);
}
function nameServerMatcher(declared, services = []) {
  if (declared !== void 0) return (e) => e.type !== "external" && e.type !== "ingress-controller" && hasLabels(e.pod, declared.namespace, declared.labels);
  const selectors = services.filter((s) => s.namespace === "kube-system" && s.name === "kube-dns" && s.selector !== null && Object.keys(s.selector).length > 0).map((s) => s.selector);
  return (e) => {
    if (e.type === "external" || e.type === "ingress-controller") return false;
    const app = e.pod.labels[KUBE_DNS_LABEL];
    if (app === "kube-dns" || app === "coredns") return true;
    return selectors.some((sel) => hasLabels(e.pod, "kube-system", sel));
  };
}
var servesDns = nameServerMatcher(void 0);
function isNameServer(dst, anyServer, serves = servesDns) {
  return serves(dst) || !anyServer && dst.type === "external";
}

// src/diff/workload-changes.ts
function workloadChanges(changes, universe, baseIds, headIds, serves = servesDns) {
  const anyServer = universe.some(serves);
  const allAddresses = countAddresses(universe.flatMap((e) => e.type === "external" ? e.ranges : []));
  const out = [];
  for (const w of universe) {
    if (w.type !== "workload") continue;
    const change = !baseIds.has(w.id) && headIds.has(w.id) ? "added" : baseIds.has(w.id) && !headIds.has(w.id) ? "removed" : null;
    if (!change) continue;
    const sideIds = change === "added" ? headIds : baseIds;
    const conn = (c) => change === "added" ? c.head : c.base;
    const inbound = changes.filter((c) => c.dst.id === w.id && c.src.id !== w.id && !conn(c).isEmpty);
    const outbound = changes.filter((c) => c.src.id === w.id && c.dst.id !== w.id && !conn(c).isEmpty);
    const openness = (list6, peer2) => {
      if (list6.length === 0) return "none";
      const full = list6.filter((c) => conn(c).isAll).map(peer2);
      const pods = new Set(full.filter((e) => e.type !== "external").map((e) => e.id));
      const addresses2 = countAddresses(full.flatMap((e) => e.type === "external" ? e.ranges : []));
      return pods.size === sideIds.size - 1 && addresses2 === allAddresses ? "all" : "some";
    };
    const dns = outbound.some((c) => !conn(c).intersect(DNS).isEmpty && isNameServer(c.dst, anyServer, serves));
    out.push({ change, workload: w, ingress: openness(inbound, (c) => c.src), egress: openness(outbound, (c) => c.dst), dns });
  }
  return out;
}

// src/model/service-resolution.ts
var GATEWAY_GROUP = "gateway.networking.k8s.io";
function resolveExposure(cluster, pods = cluster.workloads) {
  const findings = [];
  const inNamespace = /* @__PURE__ */ new Map();
  for (const p of pods) {
    const list6 = inNamespace.get(p.namespace);
    if (list6) list6.push(p);
    else inNamespace.set(p.namespace, [p]);
  }
  const services = cluster.services.map((s) => serviceTargets(s, inNamespace.get(s.namespace) ?? [], findings));
  const byId2 = new Map(services.map((t) => [t.service.id, t]));
  const backends = [];
  for (const route of cluster.routes) {
    const subject = `${route.kind} ${route.namespace}/${route.name}`;
    const attachments = isGatewayRoute(route) ? route.parents.flatMap((parent) => checkParent(route, parent, cluster, findings)) : [];
    const attached = isGatewayRoute(route) ? attachments.length > 0 : true;
    for (const backend2 of route.backends) {
      const id = `${backend2.serviceNamespace}/${backend2.serviceName}`;
      if (route.parents.length > 0 || isGatewayRoute(route)) {
        if (backend2.serviceNamespace !== route.namespace && !granted(route, backend2, cluster.referenceGrants)) {
          findings.push({
            severity: "warning",
            at: backend2.source,
            message: `${subject}: the backend Service ${id} is in another namespace and no ReferenceGrant in ${backend2.serviceNamespace} admits ${route.kind} from ${route.namespace}; the gateway does not send traffic to it`
          });
          backends.push({ route, backend: backend2, service: void 0, ports: [], attached, attachments });
          continue;
        }
      }
      const target2 = byId2.get(id);
      if (target2 === void 0) {
        findings.push({ severity: "warning", at: backend2.source, message: `${subject}: the backend Service ${id} is not declared in these manifests; its exposure cannot be followed` });
        backends.push({ route, backend: backend2, service: void 0, ports: [], attached, attachments });
        continue;
      }
      const ports = reachedPorts(backend2, target2);
      if (ports.length === 0) {
        findings.push({ severity: "warning", at: backend2.source, message: `${subject}: the backend Service ${id} has no port ${describePort(backend2)}; no traffic is sent to it` });
      }
      backends.push({ route, backend: backend2, service: target2.service, ports, attached, attachments });
    }
  }
  return { services, backends, findings };
}
function isGatewayRoute(route) {
  return route.kind !== "Ingress" && route.kind !== "Route";
}
function serviceTargets(service, workloads, findings) {
  const selector = service.selector;
  const selected = selector === null ? [] : workloads.filter((w) => w.namespace === service.namespace && matches(selector, w.labels));
  return {
    service,
    ports: service.ports.map((port3) => ({
      port: port3,
      workloads: selected.map((workload) => {
        const resolved2 = targetPortOn(port3, workload);
        if (resolved2 === void 0 && port3.targetPort.kind === "name") {
          findings.push({
            severity: "note",
            at: port3.source,
            message: `Service ${service.id}: targetPort "${port3.targetPort.name}" names no ${port3.protocol} container port of ${workload.id}; the Service sends that workload nothing on port ${port3.port}`
          });
        }
        return { workload, port: resolved2 };
      })
    }))
  };
}
function matches(selector, labels2) {
  return Object.entries(selector).every(([k, v]) => Object.prototype.hasOwnProperty.call(labels2, k) && labels2[k] === v);
}
function targetPortOn(port3, workload) {
  if (port3.targetPort.kind === "number") return port3.targetPort.port;
  const name2 = port3.targetPort.name;
  return workload.ports.find((p) => p.name === name2 && p.protocol === port3.protocol)?.port;
}
function reachedPorts(backend2, target2) {
  const p = backend2.port;
  switch (p.kind) {
    case "all":
      return [...target2.service.ports];
    case "service-port":
      return target2.service.ports.filter((s) => s.port === p.port);
    case "service-port-name":
      return target2.service.ports.filter((s) => s.name === p.name);
    case "target-port":
      return target2.ports.filter((t) => t.port.targetPort.kind === "number" ? t.port.targetPort.port === p.port : t.workloads.some((w) => w.port === p.port)).map((t) => t.port);
  }
}
function describePort(backend2) {
  const p = backend2.port;
  switch (p.kind) {
    case "all":
      return "at all";
    case "service-port":
      return String(p.port);
    case "service-port-name":
      return `named "${p.name}"`;
    case "target-port":
      return `with targetPort ${p.port}`;
  }
}
function granted(route, backend2, grants) {
  return grants.some(
    (g) => g.namespace === backend2.serviceNamespace && g.from.some((f) => f.group === GATEWAY_GROUP && f.kind === route.kind && f.namespace === route.namespace) && g.to.some((t) => t.group === "" && t.kind === "Service" && (t.name === void 0 || t.name === backend2.serviceName))
  );
}
function checkParent(route, parent, cluster, findings) {
  if (parent.group !== GATEWAY_GROUP || parent.kind !== "Gateway") return [{ parent, gateway: void 0, listeners: [] }];
  const subject = `${route.kind} ${route.namespace}/${route.name}`;
  const gateway = cluster.gateways.find((g) => g.namespace === parent.namespace && g.name === parent.name);
  if (gateway === void 0) {
    findings.push({ severity: "warning", at: parent.source, message: `${subject}: the parent Gateway ${parent.namespace}/${parent.name} is not declared in these manifests; where it listens cannot be followed` });
    return [{ parent, gateway: void 0, listeners: [] }];
  }
  const listeners = gateway.listeners.filter((l) => (parent.sectionName === void 0 || l.name === parent.sectionName) && (parent.port === void 0 || l.port === parent.port));
  if (listeners.length === 0) {
    findings.push({ severity: "warning", at: parent.source, message: `${subject}: Gateway ${gateway.id} has no listener ${parent.sectionName !== void 0 ? `named "${parent.sectionName}"` : `on port ${parent.port}`}; the route is not attached` });
    return [];
  }
  const labels2 = cluster.namespaces.get(route.namespace)?.labels ?? { "kubernetes.io/metadata.name": route.namespace };
  const admitting = listeners.filter((l) => {
    const a = l.allowedNamespaces;
    if (a.from === "Selector") return selects(a.selector, labels2);
    return a.from === "All" || route.namespace === gateway.namespace;
  });
  if (admitting.length === 0) {
    findings.push({ severity: "warning", at: parent.source, message: `${subject}: no listener of Gateway ${gateway.id} allows routes from namespace ${route.namespace}; the route is not attached` });
    return [];
  }
  return [{ parent, gateway, listeners: admitting }];
}

// src/diff/service-breakages.ts
var targets = (pods) => pods.map((ep) => ({ id: ep.id, namespace: ep.pod.namespace, labels: ep.pod.labels, ports: ep.pod.ports }));
var portKey = (p) => `${p.protocol}/${p.port}`;
function serviceBreakages(base2, head, basePods, headPods) {
  const b = resolveExposure(base2, targets(basePods));
  const h = resolveExposure(head, targets(headPods));
  const before = /* @__PURE__ */ new Map();
  for (const s of b.services) for (const { port: port3, workloads } of s.ports) before.set(`${s.service.id}|${portKey(port3)}`, workloads.filter((w) => w.port !== void 0).map((w) => w.workload.id));
  const out = [];
  for (const s of h.services) {
    for (const { port: port3, workloads } of s.ports) {
      const was = before.get(`${s.service.id}|${portKey(port3)}`) ?? [];
      if (was.length === 0 || workloads.some((w) => w.port !== void 0)) continue;
      const cause2 = workloads.length > 0 && port3.targetPort.kind === "name" ? { kind: "target-port", name: port3.targetPort.name, workloads: workloads.map((w) => w.workload.id) } : { kind: "no-pod" };
      const routes = h.backends.filter((x) => x.attached && x.service?.id === s.service.id && x.ports.includes(port3)).map((x) => ({ kind: x.route.kind, id: x.route.id, at: x.backend.source }));
      const seen = /* @__PURE__ */ new Set();
      out.push({ service: s.service, port: port3, before: was, cause: cause2, routes: routes.filter((r) => !seen.has(r.id) && seen.add(r.id)) });
    }
  }
  return out;
}

// src/diff/cut-off.ts
var isEmptyRow = (r) => r.fallback.isEmpty && r.conns.every((c) => c.isEmpty);
function cutOff(changes, endpoints, base2, head) {
  const candidates = { ingress: /* @__PURE__ */ new Set(), egress: /* @__PURE__ */ new Set() };
  for (const c of changes) {
    if (c.closed.isEmpty) continue;
    candidates.ingress.add(c.dst.id);
    candidates.egress.add(c.src.id);
  }
  const out = [];
  const memo3 = /* @__PURE__ */ new Map();
  for (const e of endpoints) {
    if (e.type !== "workload") continue;
    const b = base2.classOf.get(e.id);
    const h = head.classOf.get(e.id);
    if (b === void 0 || h === void 0) continue;
    for (const direction of ["ingress", "egress"]) {
      if (!candidates[direction].has(e.id)) continue;
      const key = `${b}|${h}|${direction}`;
      let policies = memo3.get(key);
      if (policies === void 0) {
        const isolating = head.r.isolating(h, direction);
        policies = isolating.length > 0 && isEmptyRow(head.r.row(h, direction)) && !isEmptyRow(base2.r.row(b, direction)) ? isolating.map((p) => p.id) : null;
        memo3.set(key, policies);
      }
      if (policies !== null) out.push({ workload: e.id, direction, policies });
    }
  }
  return out;
}

// src/load/unanalyzed-kinds.ts
var CILIUM = "Cilium policies add to what NetworkPolicy allows and denies";
var CALICO = "Calico policies are evaluated together with NetworkPolicy";
var ISTIO_AUTHZ = "Istio authorization allows or denies requests on top of what the network allows";
var ISTIO_ROUTING = "Istio routing can expose workloads or send traffic elsewhere";
var LINKERD = "Linkerd authorization allows or denies requests on top of what the network allows";
var ANTREA = "Antrea policies are evaluated together with NetworkPolicy";
var KINDS = {
  "cilium.io": {
    CiliumNetworkPolicy: CILIUM,
    CiliumClusterwideNetworkPolicy: CILIUM,
    CiliumCIDRGroup: "Cilium CIDR groups name addresses that Cilium policies allow or deny",
    CiliumEgressGatewayPolicy: "Cilium egress gateways change where traffic leaves the cluster"
  },
  "crd.projectcalico.org": { NetworkPolicy: CALICO, GlobalNetworkPolicy: CALICO, GlobalNetworkSet: CALICO, NetworkSet: CALICO },
  "projectcalico.org": { NetworkPolicy: CALICO, GlobalNetworkPolicy: CALICO, GlobalNetworkSet: CALICO, NetworkSet: CALICO, StagedNetworkPolicy: CALICO, StagedGlobalNetworkPolicy: CALICO },
  "security.istio.io": { AuthorizationPolicy: ISTIO_AUTHZ, PeerAuthentication: "Istio peer authentication can refuse plain-text traffic" },
  "networking.istio.io": { Gateway: ISTIO_ROUTING, VirtualService: ISTIO_ROUTING, Sidecar: "Istio sidecars can limit what a workload reaches", ServiceEntry: ISTIO_ROUTING },
  "policy.linkerd.io": { Server: LINKERD, ServerAuthorization: LINKERD, AuthorizationPolicy: LINKERD, MeshTLSAuthentication: LINKERD, NetworkAuthentication: LINKERD },
  "crd.antrea.io": { NetworkPolicy: ANTREA, ClusterNetworkPolicy: ANTREA, Tier: ANTREA, ClusterGroup: ANTREA, Group: ANTREA },
  "security.antrea.tanzu.vmware.com": { NetworkPolicy: ANTREA, ClusterNetworkPolicy: ANTREA }
};
var group = (apiVersion) => apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.indexOf("/")) : "";
function unanalyzedReason(obj3) {
  const known = KINDS[group(obj3.apiVersion)]?.[obj3.kind];
  if (known !== void 0) return known;
  if (obj3.kind === "NetworkPolicy") return `apiVersion ${obj3.apiVersion} is not served by current clusters (use networking.k8s.io/v1)`;
  return void 0;
}
function unanalyzedPolicy(obj3) {
  const why = unanalyzedReason(obj3);
  if (why === void 0) return void 0;
  return diagnostic("warning", obj3.file, obj3.locate([]), `${obj3.kind} (${obj3.apiVersion}) is not analyzed: ${why}, so the flows in this report may differ from the cluster's`);
}

// src/diff/unanalyzed-changes.ts
function identify(objects) {
  const out = /* @__PURE__ */ new Map();
  for (const obj3 of objects) {
    const meta = obj3.body["metadata"] ?? {};
    const name2 = typeof meta["name"] === "string" ? meta["name"] : typeof meta["generateName"] === "string" ? `${meta["generateName"]}*` : "(unnamed)";
    const namespace = typeof meta["namespace"] === "string" ? meta["namespace"] : void 0;
    const group2 = obj3.apiVersion.includes("/") ? obj3.apiVersion.slice(0, obj3.apiVersion.indexOf("/")) : "";
    const key = `${group2}\0${obj3.kind}\0${namespace ?? obj3.defaultNamespace}\0${name2}`;
    out.set(key, { key, obj: obj3, namespace, name: name2 });
  }
  return out;
}
function content(body) {
  return JSON.stringify(
    body,
    (_k, v) => v !== null && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) : v
  );
}
function unanalyzedChanges(base2, head) {
  const before = identify(base2);
  const after = identify(head);
  const out = [];
  const entry2 = (change, x) => ({
    change,
    apiVersion: x.obj.apiVersion,
    kind: x.obj.kind,
    // Cluster-wide kinds have none; the others go where kubectl apply would put them.
    namespace: x.namespace ?? (/^(Cilium(Clusterwide|CIDRGroup|EgressGateway)|Global|Cluster|Tier|Staged(Global))/.test(x.obj.kind) ? void 0 : x.obj.defaultNamespace),
    name: x.name,
    file: x.obj.file,
    line: x.obj.locate([]).line,
    why: unanalyzedReason(x.obj) ?? ""
  });
  for (const [key, h] of after) {
    const b = before.get(key);
    if (b === void 0) out.push(entry2("added", h));
    else if (b.obj !== h.obj && content(b.obj.body) !== content(h.obj.body)) out.push(entry2("changed", h));
  }
  for (const [key, b] of before) if (!after.has(key)) out.push(entry2("removed", b));
  const cmp9 = (a, b) => a < b ? -1 : a > b ? 1 : 0;
  return out.sort((a, b) => cmp9(a.kind, b.kind) || cmp9(a.namespace ?? "", b.namespace ?? "") || cmp9(a.name, b.name));
}

// src/gate/config.ts
var GATE_RULES = ["exposed", "external-ingress", "external-egress", "cross-namespace", "sensitive-ports", "any-opened", "unanalyzed", "none"];
var DEFAULT_FAIL_ON = ["exposed", "external-ingress"];
var DEFAULT_SENSITIVE_PORTS = "22,23,2375,2376,3389,5432,3306,6379,9200,27017,10250";
function parseFailOn(text2) {
  const items = text2.split(",").map((s) => s.trim()).filter((s) => s !== "");
  if (items.length === 0) return { ok: true, value: [...DEFAULT_FAIL_ON] };
  const bad = items.filter((i) => !GATE_RULES.includes(i));
  if (bad.length > 0) return { ok: false, error: `fail-on: unknown rule ${bad.map((b) => `"${b}"`).join(", ")}; use a comma list of ${GATE_RULES.join(", ")}` };
  return { ok: true, value: [...new Set(items)] };
}
function parseSensitivePorts(text2) {
  let ports = PortSet.EMPTY;
  for (const item of text2.split(",").map((s) => s.trim()).filter((s) => s !== "")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(item);
    const from = m ? Number(m[1]) : NaN;
    const to = m?.[2] !== void 0 ? Number(m[2]) : from;
    if (!m || from < MIN_PORT || to > MAX_PORT || to < from) {
      return { ok: false, error: `sensitive-ports: "${item}" is not a port or range within 1-65535` };
    }
    ports = ports.union(PortSet.range(from, to));
  }
  return { ok: true, value: ConnSet.of({ TCP: ports, UDP: ports, SCTP: ports }) };
}
function defaultGateConfig() {
  const sensitive = parseSensitivePorts(DEFAULT_SENSITIVE_PORTS);
  if (!sensitive.ok) throw new Error(sensitive.error);
  return { failOn: DEFAULT_FAIL_ON, sensitive: sensitive.value };
}

// src/exposure/table.ts
function exposureTable({ paths, reach: reach3, classOf, controllerClass }) {
  const u = reach3.universe;
  const P = u.podClasses.length;
  const everywhere = u.externals.map((_, i) => i);
  const table = /* @__PURE__ */ new Map();
  const entry2 = (dst) => {
    let e = table.get(dst);
    if (!e) table.set(dst, e = { controller: void 0, internet: /* @__PURE__ */ new Map() });
    return e;
  };
  const add = (into, chain, conn) => into === void 0 ? { conn, via: [{ chain, conn }] } : { conn: into.conn.union(conn), via: [...into.via, { chain, conn }] };
  for (const path17 of paths) {
    const dst = classOf.get(path17.dst);
    if (dst === void 0) continue;
    if (path17.source === "ingress-controller") {
      if (controllerClass === void 0) continue;
      const conn = path17.routed.intersect(reach3.conn(controllerClass, dst));
      if (conn.isEmpty) continue;
      const e = entry2(path17.dst);
      e.controller = add(e.controller, path17.chain, conn);
      continue;
    }
    const classes = path17.addresses === void 0 ? everywhere : [...new Set(path17.addresses.flatMap((c) => u.externalsOf.get(formatCidr(c)) ?? []))];
    for (const x of classes) {
      const conn = path17.routed.intersect(reach3.conn(P + x, dst));
      if (conn.isEmpty) continue;
      const e = entry2(path17.dst);
      e.internet.set(x, add(e.internet.get(x), path17.chain, conn));
    }
  }
  return table;
}
var NOTHING = { conn: ConnSet.NONE, via: [] };

// src/exposure/exposures.ts
function listExposures(table, pods, universe, controller) {
  const out = [];
  for (const [id, e] of table) {
    const dst = pods.get(id);
    if (dst === void 0) continue;
    if (e.controller) out.push({ dst, source: "ingress-controller", src: controller, conn: e.controller.conn, via: e.controller.via });
    const buckets = /* @__PURE__ */ new Map();
    for (const [x, reached] of e.internet) {
      const ext = universe.externals[x];
      const family = ext.ranges[0].family;
      const key = `${family}|${reached.conn.toString()}|${viaKey(reached.via)}`;
      const b = buckets.get(key);
      if (b) b.ranges.push(...ext.ranges);
      else buckets.set(key, { family, ranges: [...ext.ranges], conn: reached.conn, via: reached.via });
    }
    for (const b of buckets.values()) out.push({ dst, source: "internet", src: externalEndpoint(b.family, b.ranges), conn: b.conn, via: b.via });
  }
  return out.sort(compareExposures);
}
function chainKey(chain) {
  return chain.map((h) => `${h.kind} ${h.namespace}/${h.name} ${h.detail}`).join(" > ");
}
function viaKey(via) {
  return via.map((c) => `${chainKey(c.chain)}=${c.conn.toString()}`).join(";");
}
function compareExposures(a, b) {
  return cmp2(a.dst.id, b.dst.id) || cmp2(a.source, b.source) || cmp2(a.src.id, b.src.id);
}
function cmp2(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/exposure/changes.ts
function newlyOpened(c) {
  return c.moved === void 0 ? c.opened : c.opened.subtract(c.moved.conn);
}
function newlyClosed(c) {
  return c.moved === void 0 ? c.closed : c.closed.subtract(c.moved.conn);
}
function exposureChanges(base2, head, pods, controller) {
  const out = [];
  const ids = [.../* @__PURE__ */ new Set([...base2.table.keys(), ...head.table.keys()])];
  const P = base2.reach.universe.podClasses.length;
  const externals = base2.reach.universe.externals;
  const byFamily = ["v4", "v6"].map((family) => externals.flatMap((x, i) => x.ranges[0]?.family === family ? [i] : []));
  for (const id of ids) {
    const dst = pods.get(id);
    if (dst === void 0) continue;
    const bd = base2.classOf.get(id);
    const hd = head.classOf.get(id);
    const isolated = {
      base: bd === void 0 ? void 0 : base2.reach.isolating(bd, "ingress").length > 0,
      head: hd === void 0 ? void 0 : head.reach.isolating(hd, "ingress").length > 0
    };
    const endpoint = bd === void 0 ? "added" : hd === void 0 ? "removed" : null;
    const why = (b, h, src) => explain({ r: base2.reach, src: src.base, dst: bd }, { r: head.reach, src: src.head, dst: hd }, h.conn.subtract(b.conn), b.conn.subtract(h.conn));
    let known;
    const publics = () => known ??= { base: publicOf(base2.table.get(id), byFamily), head: publicOf(head.table.get(id), byFamily) };
    const change = (source, src, b, h, reasons2) => {
      const type = b.conn.isEmpty ? "added" : h.conn.isEmpty ? "removed" : "changed";
      const opened = h.conn.subtract(b.conn);
      const closed = b.conn.subtract(h.conn);
      const other = source === "ingress-controller" ? "internet" : "controller";
      const rerouted = opened.isEmpty && closed.isEmpty ? reroutedConn(b.via, h.via) : ConnSet.NONE;
      const pub = publics();
      const covered = opened.intersect(pub.base[other].conn).union(closed.intersect(pub.head[other].conn)).union(rerouted);
      const both = covered.intersect(pub.base.controller.conn.union(pub.base.internet.conn)).intersect(pub.head.controller.conn.union(pub.head.internet.conn));
      const moved = covered.isEmpty ? void 0 : { conn: covered, public: both, via: { base: carrying(dedupe2([...b.via, ...pub.base.all]), covered), head: carrying(dedupe2([...h.via, ...pub.head.all]), covered) } };
      return { type, src, dst, base: b.conn, head: h.conn, opened, closed, endpoint, why: reasons2, source, via: { base: b.via, head: h.via }, isolated, moved };
    };
    const bc = base2.table.get(id)?.controller ?? NOTHING;
    const hc = head.table.get(id)?.controller ?? NOTHING;
    if (!bc.conn.equals(hc.conn)) out.push(change("ingress-controller", controller, bc, hc, why(bc, hc, { base: base2.controllerClass, head: head.controllerClass })));
    else if (!reroutedConn(bc.via, hc.via).isEmpty) out.push(change("ingress-controller", controller, bc, hc, []));
    const bi = base2.table.get(id)?.internet ?? /* @__PURE__ */ new Map();
    const hi = head.table.get(id)?.internet ?? /* @__PURE__ */ new Map();
    const buckets = /* @__PURE__ */ new Map();
    for (const x of /* @__PURE__ */ new Set([...bi.keys(), ...hi.keys()])) {
      const b = bi.get(x) ?? NOTHING;
      const h = hi.get(x) ?? NOTHING;
      const same = b.conn.equals(h.conn);
      if (same && reroutedConn(b.via, h.via).isEmpty) continue;
      const ext = externals[x];
      const family = ext.ranges[0].family;
      const reasons2 = same ? [] : why(b, h, { base: P + x, head: P + x });
      const key = [family, b.conn.toString(), h.conn.toString(), viaKey(b.via), viaKey(h.via), JSON.stringify(reasons2)].join("|");
      const bucket = buckets.get(key);
      if (bucket) bucket.ranges.push(...ext.ranges);
      else buckets.set(key, { family, ranges: [...ext.ranges], b, h, reasons: reasons2 });
    }
    for (const bucket of buckets.values()) out.push(change("internet", externalEndpoint(bucket.family, bucket.ranges), bucket.b, bucket.h, bucket.reasons));
  }
  return out.sort(compareExposures);
}
function publicOf(e, byFamily) {
  const controller = e?.controller ?? NOTHING;
  let conn = ConnSet.NONE;
  const via = [];
  for (const classes of byFamily) {
    if (classes.length === 0) continue;
    let every;
    for (const i of classes) {
      const got = e?.internet.get(i)?.conn ?? ConnSet.NONE;
      every = every === void 0 ? got : every.intersect(got);
      if (every.isEmpty) break;
    }
    if (every === void 0 || every.isEmpty) continue;
    conn = conn.union(every);
    for (const i of classes) via.push(...(e?.internet.get(i)?.via ?? []).filter((c) => !c.conn.intersect(every).isEmpty));
  }
  const internet = { conn, via: dedupe2(via) };
  return { controller, internet, all: dedupe2([...controller.via, ...internet.via]) };
}
function carrying(via, conn) {
  return via.filter((c) => !c.conn.intersect(conn).isEmpty).map((c) => ({ chain: c.chain, conn: c.conn.intersect(conn) }));
}
function dedupe2(via) {
  const seen = /* @__PURE__ */ new Map();
  for (const c of via) {
    const k = chainKey(c.chain);
    const had = seen.get(k);
    seen.set(k, had === void 0 ? c : { chain: c.chain, conn: had.conn.union(c.conn) });
  }
  return [...seen.values()];
}
function objectsKey(chain) {
  return chain.map((h) => `${h.kind} ${h.namespace}/${h.name}`).join(" > ");
}
function reroutedConn(base2, head) {
  const by = (via) => {
    const m = /* @__PURE__ */ new Map();
    for (const c of via) m.set(objectsKey(c.chain), (m.get(objectsKey(c.chain)) ?? ConnSet.NONE).union(c.conn));
    return m;
  };
  const b = by(base2);
  const h = by(head);
  let out = ConnSet.NONE;
  for (const k of /* @__PURE__ */ new Set([...b.keys(), ...h.keys()])) {
    const x = b.get(k) ?? ConnSet.NONE;
    const y = h.get(k) ?? ConnSet.NONE;
    out = out.union(x.subtract(y)).union(y.subtract(x));
  }
  return out;
}

// src/gate/gate.ts
var NOTHING2 = { objects: [], files: [] };
function evaluateGate(changes, exposures, config, unanalyzed = NOTHING2) {
  const rules3 = config.failOn.filter((r) => r !== "none" && r !== "unanalyzed");
  const notAnalyzed2 = config.failOn.includes("unanalyzed") ? unanalyzed : NOTHING2;
  const violations = [];
  for (const c of exposures) {
    if (c.opened.isEmpty) continue;
    for (const rule of rules3) {
      const conn = exposureOffending(rule, c, config);
      if (conn && !conn.isEmpty) violations.push({ rule, change: c, conn });
    }
  }
  const exposureViolations2 = violations.length;
  const asExposure = new Set(exposures);
  for (const c of changes) {
    if (c.opened.isEmpty || asExposure.has(c)) continue;
    for (const rule of rules3) {
      const conn = offending(rule, c, config);
      if (conn && !conn.isEmpty) violations.push({ rule, change: c, conn });
    }
  }
  const missed = notAnalyzed2.objects.length + notAnalyzed2.files.length;
  return { passed: violations.length === 0 && missed === 0, violations, exposureViolations: exposureViolations2, unanalyzed: notAnalyzed2 };
}
function offending(rule, c, config) {
  switch (rule) {
    case "exposed":
      return void 0;
    case "external-ingress":
      return c.src.type === "external" ? c.opened : void 0;
    case "external-egress":
      return c.dst.type === "external" ? c.opened : void 0;
    case "cross-namespace":
      return c.src.type !== "external" && c.dst.type !== "external" && c.src.pod.namespace !== c.dst.pod.namespace ? c.opened : void 0;
    case "sensitive-ports":
      return c.opened.intersect(config.sensitive);
    case "any-opened":
      return c.opened;
  }
}
function exposureOffending(rule, c, config) {
  switch (rule) {
    case "exposed":
      return newlyOpened(c);
    case "sensitive-ports":
      return newlyOpened(c).intersect(config.sensitive);
    case "any-opened":
      return c.opened;
    default:
      return void 0;
  }
}

// src/load/admin-dialect.ts
var ADMIN_V1ALPHA1 = "policy.networking.k8s.io/v1alpha1";
var ADMIN_V1ALPHA2 = "policy.networking.k8s.io/v1alpha2";
var ANP_MIX = "networks/nodes/domainNames peer cannot be set with namedPorts since there are no namedPorts for networks/nodes/domainNames";
var ANP = {
  kind: "AdminNetworkPolicy",
  apiVersion: ADMIN_V1ALPHA1,
  hasTier: false,
  hasPriority: true,
  actions: { Allow: "accept", Deny: "deny", Pass: "pass" },
  maxRules: 100,
  maxPeers: 100,
  maxPorts: 100,
  portsKey: "ports",
  egressPeerKeys: ["namespaces", "pods", "networks", "nodes", "domainNames"],
  podsNeedNamespaceSelector: true,
  namedPortMixMessage: ANP_MIX
};
var BANP = {
  ...ANP,
  kind: "BaselineAdminNetworkPolicy",
  hasPriority: false,
  // Pass is admin-tier only in v1alpha1.
  actions: { Allow: "accept", Deny: "deny" },
  egressPeerKeys: ["namespaces", "pods", "networks", "nodes"],
  namedPortMixMessage: "networks/nodes peer cannot be set with namedPorts since there are no namedPorts for networks/nodes"
};
var CNP = {
  kind: "ClusterNetworkPolicy",
  apiVersion: ADMIN_V1ALPHA2,
  hasTier: true,
  hasPriority: true,
  actions: { Accept: "accept", Deny: "deny", Pass: "pass" },
  maxRules: 25,
  maxPeers: 25,
  maxPorts: 25,
  portsKey: "protocols",
  egressPeerKeys: ["namespaces", "pods", "networks", "nodes", "domainNames"],
  podsNeedNamespaceSelector: false,
  namedPortMixMessage: ANP_MIX
};
function adminDialect(obj3) {
  for (const d of [ANP, BANP, CNP]) if (obj3.kind === d.kind && obj3.apiVersion === d.apiVersion) return d;
  return void 0;
}
var MAX_NETWORKS = 25;
var MAX_CIDR_LENGTH = 43;
var MAX_RULE_NAME = 100;
var MIN_PRIORITY = 0;
var MAX_PRIORITY = 1e3;
function rejects(d, says) {
  return `; the API server rejects this ${d.kind}${says === void 0 ? "" : ` (${says})`}`;
}

// src/load/admin-fields.ts
function exactlyOne(c, d, at3, keys2, what) {
  const choices = keys2.join(", ");
  if (c.map(at3) === void 0) {
    if (c.isUnset(at3)) c.error(at3, `${what} must set exactly one of ${choices}` + rejects(d, "should have at least 1 properties"));
    return void 0;
  }
  c.knownKeys(at3, keys2);
  const set = keys2.filter((k) => !c.isUnset([...at3, k]));
  if (set.length === 0) {
    c.error(at3, `${what} must set exactly one of ${choices}; it sets none` + rejects(d, "should have at least 1 properties"));
    return void 0;
  }
  if (set.length > 1) {
    c.error(at3, `${what} must set exactly one of ${choices}; it sets ${set.join(" and ")} (use separate entries)` + rejects(d, "should have at most 1 properties"));
    return void 0;
  }
  return set[0];
}
function listBounds(c, d, at3, min, max) {
  const list6 = c.list(at3);
  if (list6 === void 0) return void 0;
  if (list6.length < min) {
    c.error(at3, `must have at least ${min} item${min === 1 ? "" : "s"}` + rejects(d, `should have at least ${min} items`));
    return void 0;
  }
  if (list6.length > max) {
    c.error(at3, `has ${list6.length} items; at most ${max} are allowed in ${d.apiVersion}` + rejects(d, `Too many: ${list6.length}: must have at most ${max} items`));
    return void 0;
  }
  return list6;
}
function stringSet(c, d, at3, list6) {
  const seen = /* @__PURE__ */ new Set();
  let ok = true;
  list6.forEach((_, i) => {
    const s = c.string([...at3, i]);
    if (s === void 0) {
      if (c.isUnset([...at3, i])) c.error([...at3, i], "must be a string, not null" + rejects(d, "must be of type string"));
      ok = false;
    } else if (seen.has(s)) {
      c.error([...at3, i], `${quoted(s)} is listed twice` + rejects(d, `Duplicate value: ${quoted(s)}`));
      ok = false;
    } else seen.add(s);
  });
  return ok ? [...seen] : void 0;
}

// src/load/selector.ts
var OPERATORS = ["In", "NotIn", "Exists", "DoesNotExist"];
function parseSelector(c, path17) {
  const m = c.map(path17);
  if (m === void 0) return c.isUnset(path17) ? SELECT_ALL : void 0;
  c.knownKeys(path17, ["matchLabels", "matchExpressions"]);
  let ok = true;
  const reqs = [];
  const labels2 = c.map([...path17, "matchLabels"]);
  if (labels2 === void 0 && !c.isUnset([...path17, "matchLabels"])) ok = false;
  for (const [key, value] of Object.entries(labels2 ?? {})) {
    const at3 = [...path17, "matchLabels", key];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) {
      c.error(at3, keyProblem);
      ok = false;
    }
    if (typeof value !== "string") {
      c.error(at3, `label values must be strings, not ${describe(value)} (quote it: "${String(value)}")`);
      ok = false;
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) {
      c.error(at3, valueProblem);
      ok = false;
    }
    reqs.push({ key, op: "In", values: [value] });
  }
  const exprs = c.list([...path17, "matchExpressions"]);
  if (exprs === void 0 && !c.isUnset([...path17, "matchExpressions"])) ok = false;
  (exprs ?? []).forEach((_, i) => {
    const at3 = [...path17, "matchExpressions", i];
    const r = parseRequirement(c, at3);
    if (r) reqs.push(r);
    else ok = false;
  });
  return ok ? { requirements: reqs } : void 0;
}
function parseRequirement(c, at3) {
  if (c.map(at3) === void 0) {
    if (c.isUnset(at3)) c.error(at3, "a matchExpressions entry must be a mapping with key and operator");
    return void 0;
  }
  c.knownKeys(at3, ["key", "operator", "values"]);
  const key = c.string([...at3, "key"]);
  const op = c.string([...at3, "operator"]);
  const values = c.list([...at3, "values"]);
  let ok = key !== void 0 && op !== void 0;
  if (key === void 0 && c.isUnset([...at3, "key"])) c.error(at3, "key is required");
  if (op === void 0 && c.isUnset([...at3, "operator"])) c.error(at3, "operator is required (In, NotIn, Exists or DoesNotExist)");
  if (key !== void 0) {
    const problem = labelKeyProblem(key);
    if (problem) {
      c.error([...at3, "key"], problem);
      ok = false;
    }
  }
  if (op !== void 0 && !OPERATORS.includes(op)) {
    c.error([...at3, "operator"], `unknown operator "${op}"; use In, NotIn, Exists or DoesNotExist (case matters)`);
    ok = false;
  }
  const strings = [];
  (values ?? []).forEach((v, j) => {
    if (typeof v !== "string") {
      c.error([...at3, "values", j], `values must be strings, not ${describe(v)}`);
      ok = false;
    } else {
      const problem = labelValueProblem(v);
      if (problem) {
        c.error([...at3, "values", j], problem);
        ok = false;
      }
      strings.push(v);
    }
  });
  if (!ok || key === void 0) return void 0;
  const operator = op;
  if (operator === "In" || operator === "NotIn") {
    if (strings.length === 0) {
      c.error(at3, `values must be non-empty when operator is ${operator}`);
      return void 0;
    }
    return { key, op: operator, values: strings };
  }
  if (strings.length > 0 || values !== void 0 && values.length > 0) {
    c.error([...at3, "values"], `values must be empty when operator is ${operator}`);
    return void 0;
  }
  return { key, op: operator };
}

// src/load/admin-peers.ts
function readSubject(c, d) {
  const at3 = ["spec", "subject"];
  if (c.isUnset(at3)) {
    c.error(["spec"], "subject is required" + rejects(d, `"spec.subject: Required value"`));
    return void 0;
  }
  const key = exactlyOne(c, d, at3, ["namespaces", "pods"], "the subject");
  if (key === void 0) return void 0;
  return key === "namespaces" ? namespacesOnly(c, [...at3, key]) : namespacedPods(c, d, [...at3, key]);
}
function readPeer(c, d, dir, at3) {
  const keys2 = dir === "ingress" ? ["namespaces", "pods"] : d.egressPeerKeys;
  const key = exactlyOne(c, d, at3, keys2, "a peer");
  if (key === void 0) return void 0;
  const field = [...at3, key];
  switch (key) {
    case "namespaces": {
      const p = namespacesOnly(c, field);
      return p && { kind: "pods", ...p };
    }
    case "pods": {
      const p = namespacedPods(c, d, field);
      return p && { kind: "pods", ...p };
    }
    case "nodes": {
      const selector = parseSelector(c, field);
      return selector && { kind: "nodes", selector };
    }
    case "networks": {
      const cidrs = networks(c, d, field);
      return cidrs && { kind: "networks", cidrs };
    }
    default: {
      const names = domainNames(c, d, field);
      return names && { kind: "domainNames", names };
    }
  }
}
function namespacesOnly(c, at3) {
  const namespaces = parseSelector(c, at3);
  return namespaces && { namespaces, pods: SELECT_ALL };
}
function namespacedPods(c, d, at3) {
  if (c.map(at3) === void 0) return void 0;
  c.knownKeys(at3, ["namespaceSelector", "podSelector"]);
  let ok = true;
  const required = d.podsNeedNamespaceSelector ? ["namespaceSelector", "podSelector"] : ["podSelector"];
  for (const k of required) {
    if (c.isUnset([...at3, k])) {
      const hint = k === "podSelector" ? " (`{}` selects every pod)" : " (`{}` selects every namespace)";
      c.error(at3, `${k} is required${hint}` + rejects(d, `"${k}: Required value"`));
      ok = false;
    }
  }
  const namespaces = parseSelector(c, [...at3, "namespaceSelector"]);
  const pods = parseSelector(c, [...at3, "podSelector"]);
  return ok && namespaces && pods ? { namespaces, pods } : void 0;
}
var V4_IN_V6 = /^::ffff:/i;
function networks(c, d, at3) {
  const list6 = listBounds(c, d, at3, 1, MAX_NETWORKS);
  const texts = list6 && stringSet(c, d, at3, list6);
  if (texts === void 0) return void 0;
  const out = [];
  let ok = true;
  texts.forEach((text2) => {
    const i = list6.indexOf(text2);
    const where = [...at3, i];
    if (text2.length > MAX_CIDR_LENGTH) {
      c.error(where, `${quoted(text2)} is longer than ${MAX_CIDR_LENGTH} characters` + rejects(d, `Too long: may not be longer than ${MAX_CIDR_LENGTH}`));
      ok = false;
      return;
    }
    const parsed = parseCidr(text2);
    if (!parsed.ok || V4_IN_V6.test(text2.slice(0, text2.indexOf("/")))) {
      const why = parsed.ok ? "is an IPv4-mapped IPv6 prefix (write the IPv4 CIDR)" : parsed.reason;
      c.error(where, `${quoted(text2)} ${why}` + rejects(d, `"Invalid CIDR format provided"`));
      ok = false;
      return;
    }
    if (parsed.hostBitsSet) c.warning(where, `${quoted(text2)} has host bits set; it is read as ${formatCidr(parsed.cidr)}`);
    out.push(parsed.cidr);
  });
  return ok ? out : void 0;
}
var DOMAIN_NAME = /^(\*\.)?([a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.)+[a-zA-z0-9]([-a-zA-Z0-9_]*[a-zA-Z0-9])?\.?$/;
function domainNames(c, d, at3) {
  const list6 = listBounds(c, d, at3, 1, MAX_NETWORKS);
  const names = list6 && stringSet(c, d, at3, list6);
  if (names === void 0) return void 0;
  let ok = true;
  names.forEach((name2) => {
    if (!DOMAIN_NAME.test(name2)) {
      c.error([...at3, list6.indexOf(name2)], `${quoted(name2)} is not a domain name (a wildcard is allowed only as a leading "*.")` + rejects(d, `should match '${DOMAIN_NAME.source}'`));
      ok = false;
    }
  });
  return ok ? names : void 0;
}

// src/load/admin-ports.ts
function readAdminPorts(c, d, rule) {
  const at3 = [...rule, d.portsKey];
  if (c.isUnset(at3)) return { ports: "any", named: false };
  const list6 = listBounds(c, d, at3, 1, d.maxPorts);
  if (list6 === void 0) return void 0;
  const out = [];
  let named = false;
  let ok = true;
  list6.forEach((_, i) => {
    const entry2 = d.portsKey === "ports" ? portV1alpha1(c, d, [...at3, i]) : protocolV1alpha2(c, d, [...at3, i]);
    if (entry2 === void 0) ok = false;
    else {
      out.push(...entry2.specs);
      named ||= entry2.named;
    }
  });
  return ok ? { ports: out, named } : void 0;
}
function namedPort(name2) {
  return { specs: PROTOCOLS.map((protocol) => ({ protocol, port: { kind: "named", name: name2 } })), named: true };
}
function portV1alpha1(c, d, at3) {
  const key = exactlyOne(c, d, at3, ["portNumber", "portRange", "namedPort"], "a port");
  if (key === void 0) return void 0;
  if (key === "namedPort") {
    const name2 = c.string([...at3, key]);
    return name2 === void 0 ? void 0 : namedPort(name2);
  }
  const inner = [...at3, key];
  if (c.map(inner) === void 0) return void 0;
  const numbers = key === "portNumber" ? ["port"] : ["start", "end"];
  c.knownKeys(inner, ["protocol", ...numbers]);
  let ok = true;
  const values = numbers.map((n) => {
    const v = portNumber(c, d, [...inner, n]);
    if (v === void 0) ok = false;
    return v ?? 0;
  });
  const protocol = protocolV1alpha1(c, [...inner, "protocol"]);
  if (protocol === void 0 || !ok) return void 0;
  if (protocol === "unanalyzed") return { specs: [], named: false };
  const [from, to = from] = values;
  if (from > to) {
    c.warning(inner, `start ${from} is greater than end ${to}: the range is empty and matches no port (the API server accepts it)`);
    return { specs: [], named: false };
  }
  return { specs: [{ protocol, port: { kind: "range", from, to } }], named: false };
}
function protocolV1alpha1(c, at3) {
  if (c.isUnset(at3)) return "TCP";
  const text2 = c.string(at3);
  if (text2 === void 0) return void 0;
  if (isProtocol(text2)) return text2;
  const hint = isProtocol(text2.toUpperCase()) ? ` (write ${text2.toUpperCase()}: implementations compare it as written)` : "";
  c.warning(at3, `protocol ${describe(text2)} is not TCP, UDP or SCTP: the API server admits it, but netreach reads this entry as matching no traffic${hint}`);
  return "unanalyzed";
}
function protocolV1alpha2(c, d, at3) {
  const key = exactlyOne(c, d, at3, ["tcp", "udp", "sctp", "destinationNamedPort"], "a protocol");
  if (key === void 0) return void 0;
  if (key === "destinationNamedPort") {
    const name2 = c.string([...at3, key]);
    return name2 === void 0 ? void 0 : namedPort(name2);
  }
  const protocol = key.toUpperCase();
  const proto = [...at3, key];
  if (c.map(proto) === void 0) return void 0;
  c.knownKeys(proto, ["destinationPort"]);
  if (c.isUnset([...proto, "destinationPort"])) {
    c.error(proto, `${key} needs a destinationPort (to match every port, use a range 1-65535)` + rejects(d, `should have at least 1 properties`));
    return void 0;
  }
  const port3 = [...proto, "destinationPort"];
  const which = exactlyOne(c, d, port3, ["number", "range"], "a destinationPort");
  if (which === void 0) return void 0;
  if (which === "number") {
    const n = portNumber(c, d, [...port3, "number"]);
    return n === void 0 ? void 0 : { specs: [{ protocol, port: { kind: "range", from: n, to: n } }], named: false };
  }
  const range = [...port3, "range"];
  if (c.map(range) === void 0) return void 0;
  c.knownKeys(range, ["start", "end"]);
  const from = portNumber(c, d, [...range, "start"]);
  const to = portNumber(c, d, [...range, "end"]);
  if (from === void 0 || to === void 0) return void 0;
  if (from >= to) {
    c.error(range, `start ${from} must be less than end ${to} (for one port, use number)` + rejects(d, `"Start port must be less than End port"`));
    return void 0;
  }
  return { specs: [{ protocol, port: { kind: "range", from, to } }], named: false };
}
function portNumber(c, d, at3) {
  const v = c.get(at3);
  const field = String(at3[at3.length - 1]);
  if (v === void 0 || v === null) {
    c.error(at3.slice(0, -1), `${field} is required` + rejects(d, `"${field}: Required value"`));
    return void 0;
  }
  if (!Number.isInteger(v)) {
    c.error(at3, `must be an integer, not ${describe(v)}` + rejects(d, "must be of type integer"));
    return void 0;
  }
  const n = v;
  if (n < MIN_PORT || n > MAX_PORT) {
    c.error(at3, `port ${n} is out of range: use 1-65535` + rejects(d, n < MIN_PORT ? "should be greater than or equal to 1" : "should be less than or equal to 65535"));
    return void 0;
  }
  return n;
}

// src/load/source-ref.ts
function sourceRef(obj3, path17 = []) {
  let line;
  return {
    file: obj3.file,
    get line() {
      return line ??= obj3.locate(path17).line;
    }
  };
}
function fieldRef(obj3, path17) {
  let pos;
  return {
    file: obj3.file,
    get line() {
      return (pos ??= obj3.locate(path17)).line;
    },
    get column() {
      return (pos ??= obj3.locate(path17)).column;
    }
  };
}

// src/load/admin-policy.ts
function isAdminPolicyObject(obj3) {
  return adminDialect(obj3) !== void 0;
}
var BANP_NAME = "default";
function loadAdminPolicy(obj3) {
  const d = adminDialect(obj3);
  if (d === void 0) throw new Error(`not an admin-tier policy: ${obj3.apiVersion} ${obj3.kind}`);
  const meta = objectMeta(obj3, "cluster-scoped");
  const c = new Checker(obj3, `${d.kind} ${meta.nameShown}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + rejects(d)));
  if (d.kind === "BaselineAdminNetworkPolicy" && meta.name !== void 0 && meta.name !== BANP_NAME) {
    c.error(["metadata", "name"], `is ${quoted(meta.name)}; a BaselineAdminNetworkPolicy must be named "default" (one per cluster)` + rejects(d, `"Only one baseline admin network policy with metadata.name=\\"default\\" can be created in the cluster"`));
  }
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);
  if (c.map(["spec"]) === void 0) {
    if (c.isUnset(["spec"])) c.error([], "spec is required" + rejects(d, `"spec: Required value"`));
    return { policy: void 0, diagnostics: c.diagnostics };
  }
  c.knownKeys(["spec"], [...d.hasTier ? ["tier"] : [], ...d.hasPriority ? ["priority"] : [], "subject", "ingress", "egress"]);
  const tier = readTier(c, d);
  const priority = d.hasPriority ? readPriority(c, d) : null;
  const subject = readSubject(c, d);
  const ingress = readRules(c, d, "ingress");
  const egress = readRules(c, d, "egress");
  if (c.hasErrors || meta.name === void 0 || tier === void 0 || priority === void 0 || subject === void 0 || ingress === void 0 || egress === void 0) {
    return { policy: void 0, diagnostics: c.diagnostics };
  }
  return {
    policy: { id: `${d.kind}/${meta.name}`, kind: d.kind, name: meta.name, tier, priority, subject, ingress, egress, source: sourceRef(obj3) },
    diagnostics: c.diagnostics
  };
}
function readTier(c, d) {
  if (!d.hasTier) return d.kind === "BaselineAdminNetworkPolicy" ? "baseline" : "admin";
  const at3 = ["spec", "tier"];
  const v = c.get(at3);
  if (v === "Admin") return "admin";
  if (v === "Baseline") return "baseline";
  if (v === void 0 || v === null) c.error(["spec"], "tier is required: Admin or Baseline" + rejects(d, `"spec.tier: Required value"`));
  else c.error(at3, `unsupported tier ${describe(v)}: use Admin or Baseline (case matters)` + rejects(d, `Unsupported value: supported values: "Admin", "Baseline"`));
  return void 0;
}
function readPriority(c, d) {
  const at3 = ["spec", "priority"];
  const v = c.get(at3);
  if (v === void 0 || v === null) {
    c.error(["spec"], `priority is required (${MIN_PRIORITY}-${MAX_PRIORITY}, lower is consulted first)` + rejects(d, `"spec.priority: Required value"`));
    return void 0;
  }
  if (!Number.isInteger(v)) {
    c.error(at3, `must be an integer, not ${describe(v)}` + rejects(d, "must be of type integer"));
    return void 0;
  }
  const n = v;
  if (n < MIN_PRIORITY || n > MAX_PRIORITY) {
    c.error(at3, `priority ${n} is out of range: use ${MIN_PRIORITY}-${MAX_PRIORITY}` + rejects(d, n < MIN_PRIORITY ? `should be greater than or equal to ${MIN_PRIORITY}` : `should be less than or equal to ${MAX_PRIORITY}`));
    return void 0;
  }
  return n;
}
function readRules(c, d, dir) {
  const at3 = ["spec", dir];
  if (c.isUnset(at3)) return [];
  const list6 = listBounds(c, d, at3, 0, d.maxRules);
  if (list6 === void 0) return void 0;
  const out = [];
  let ok = true;
  list6.forEach((_, i) => {
    const r = readRule(c, d, dir, [...at3, i], i);
    if (r === void 0) ok = false;
    else out.push(r);
  });
  return ok ? out : void 0;
}
function readRule(c, d, dir, at3, index) {
  if (c.map(at3) === void 0) {
    if (c.isUnset(at3)) c.error(at3, `a rule needs an action and ${dir === "ingress" ? "from" : "to"}` + rejects(d, "Required value"));
    return void 0;
  }
  const peerKey2 = dir === "ingress" ? "from" : "to";
  c.knownKeys(at3, ["name", "action", peerKey2, d.portsKey]);
  const name2 = readRuleName(c, d, [...at3, "name"]);
  const action = readAction(c, d, at3);
  let peers;
  if (c.isUnset([...at3, peerKey2])) {
    c.error(at3, `${peerKey2} is required (1-${d.maxPeers} peers; to match every pod, use namespaces: {})` + rejects(d, `"${peerKey2}: Required value"`));
  } else {
    const list6 = listBounds(c, d, [...at3, peerKey2], 1, d.maxPeers);
    if (list6 !== void 0) {
      const read2 = list6.map((_, j) => readPeer(c, d, dir, [...at3, peerKey2, j]));
      if (read2.every((p) => p !== void 0)) peers = read2;
    }
  }
  const ports = readAdminPorts(c, d, at3);
  if (peers === void 0 || ports === void 0 || action === void 0 || name2 === void 0) return void 0;
  const addresses2 = peers.filter((p) => p.kind !== "pods");
  if (ports.named && addresses2.length > 0) {
    c.error(at3, `a named port cannot be used in a rule with ${addresses2.map((p) => p.kind).join("/")} peers: only pods have named ports` + rejects(d, `"${d.namedPortMixMessage}"`));
    return void 0;
  }
  if (peers.some((p) => p.kind === "domainNames")) {
    const j = peers.findIndex((p) => p.kind === "domainNames");
    const how = "their addresses are known only at run time, so netreach matches them to no endpoint";
    if (action !== "accept") c.warning([...at3, peerKey2, j, "domainNames"], `domainNames are documented as supported only for Accept rules, not ${action === "deny" ? "Deny" : "Pass"}; ${how}`);
    else c.note([...at3, peerKey2, j, "domainNames"], how);
  }
  return { direction: dir, index, name: name2, action, peers, ports: ports.ports, source: sourceRef(c.object, at3) };
}
function readRuleName(c, d, at3) {
  if (c.isUnset(at3)) return null;
  const s = c.string(at3);
  if (s === void 0) return void 0;
  if (s.length > MAX_RULE_NAME) {
    c.error(at3, `is ${s.length} characters long; at most ${MAX_RULE_NAME}` + rejects(d, `Too long: may not be longer than ${MAX_RULE_NAME}`));
    return void 0;
  }
  return s;
}
function readAction(c, d, rule) {
  const at3 = [...rule, "action"];
  const v = c.get(at3);
  const allowed = Object.keys(d.actions);
  const list6 = allowed.map((a) => `"${a}"`).join(", ");
  if (v === void 0 || v === null) {
    c.error(rule, `action is required: ${allowed.join(", ")}` + rejects(d, `"action: Required value"`));
    return void 0;
  }
  if (typeof v === "string" && Object.prototype.hasOwnProperty.call(d.actions, v)) return d.actions[v];
  const other = d.kind === "ClusterNetworkPolicy" ? { Allow: "Accept" } : { Accept: "Allow" };
  const hint = typeof v === "string" && v in other ? ` (${v} is ${d.kind === "ClusterNetworkPolicy" ? "v1alpha1's" : "v1alpha2's"} word; write ${other[v]})` : v === "Pass" && d.kind === "BaselineAdminNetworkPolicy" ? " (Pass exists only in the admin tier in v1alpha1)" : "";
  c.error(at3, `unsupported action ${describe(v)}: use ${allowed.join(", ")}${hint}` + rejects(d, `Unsupported value: supported values: ${list6}`));
  return void 0;
}

// src/load/gateway-api.ts
var GATEWAY_GROUP2 = "gateway.networking.k8s.io";
var GATEWAY_API_VERSIONS = {
  Gateway: ["v1", "v1beta1"],
  HTTPRoute: ["v1", "v1beta1"],
  GRPCRoute: ["v1", "v1alpha2"],
  TCPRoute: ["v1alpha2"],
  TLSRoute: ["v1alpha2"],
  UDPRoute: ["v1alpha2"],
  ReferenceGrant: ["v1beta1", "v1alpha2"]
};
function isGatewayApi(kind, apiVersion) {
  const versions2 = GATEWAY_API_VERSIONS[kind];
  return versions2 !== void 0 && versions2.some((v) => apiVersion === `${GATEWAY_GROUP2}/${v}`);
}
function rejects2(kind) {
  return `; the API server rejects this ${kind} (CRD validation)`;
}
function schemaPort(c, path17, kind) {
  const v = c.get(path17);
  if (v === void 0 || v === null) return void 0;
  if (!Number.isInteger(v) || v < MIN_PORT || v > MAX_PORT) {
    c.error(path17, `port ${describe(v)} is out of range: use 1-65535` + rejects2(kind));
    return void 0;
  }
  return v;
}
function requiredString(c, path17, kind) {
  const v = c.string(path17);
  if (v === void 0 || v === "") {
    if (v === "" || c.isUnset(path17)) c.error(path17, "is required" + rejects2(kind));
    return void 0;
  }
  return v;
}

// src/load/gateway.ts
var REJECTS = rejects2("Gateway");
function loadGateway(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `Gateway ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS));
  c.map(["spec"]);
  const gatewayClassName = requiredString(c, ["spec", "gatewayClassName"], "Gateway");
  const list6 = c.list(["spec", "listeners"]);
  if (list6 !== void 0 && (list6.length === 0 || list6.length > 64)) c.error(["spec", "listeners"], "must list 1 to 64 listeners" + REJECTS);
  else if (list6 === void 0 && c.isUnset(["spec", "listeners"])) c.error(["spec", "listeners"], "is required" + REJECTS);
  const listeners = [];
  const names = /* @__PURE__ */ new Set();
  (list6 ?? []).forEach((_, i) => {
    const l = listener(c, ["spec", "listeners", i]);
    if (l === void 0) return;
    if (names.has(l.name)) c.error(["spec", "listeners", i, "name"], `duplicate listener name ${quoted(l.name)}: listener names must be unique` + REJECTS);
    names.add(l.name);
    listeners.push(l);
  });
  if (c.hasErrors || meta.name === void 0 || gatewayClassName === void 0) return { gateway: void 0, diagnostics: c.diagnostics };
  return {
    gateway: { id: `${meta.namespace}/${meta.name}`, namespace: meta.namespace, name: meta.name, gatewayClassName, listeners, source: sourceRef(obj3) },
    diagnostics: c.diagnostics
  };
}
function listener(c, at3) {
  if (c.map(at3) === void 0) return void 0;
  const name2 = requiredString(c, [...at3, "name"], "Gateway");
  const port3 = schemaPort(c, [...at3, "port"], "Gateway");
  if (port3 === void 0 && c.isUnset([...at3, "port"])) c.error([...at3, "port"], "is required" + REJECTS);
  const protocol = requiredString(c, [...at3, "protocol"], "Gateway");
  const hostname = c.string([...at3, "hostname"]);
  const from = c.get([...at3, "allowedRoutes", "namespaces", "from"]) ?? "Same";
  let allowed;
  if (from === "Same" || from === "All") allowed = { from };
  else if (from === "Selector") {
    const selPath = [...at3, "allowedRoutes", "namespaces", "selector"];
    if (c.isUnset(selPath)) c.error(selPath, "is required when from is Selector" + REJECTS);
    else {
      const selector = parseSelector(c, selPath);
      if (selector) allowed = { from: "Selector", selector };
    }
  } else c.error([...at3, "allowedRoutes", "namespaces", "from"], `unsupported value ${describe(from)}: use Same, All or Selector` + REJECTS);
  if (name2 === void 0 || port3 === void 0 || protocol === void 0 || allowed === void 0) return void 0;
  return { name: name2, port: port3, protocol, hostname: hostname === "" ? void 0 : hostname, allowedNamespaces: allowed };
}

// src/load/gateway-route.ts
var GATEWAY_ROUTE_KINDS = ["HTTPRoute", "GRPCRoute", "TCPRoute", "TLSRoute", "UDPRoute"];
var WITH_HOSTNAMES = /* @__PURE__ */ new Set(["HTTPRoute", "GRPCRoute", "TLSRoute"]);
function loadGatewayRoute(obj3) {
  const kind = obj3.kind;
  const REJECTS7 = rejects2(kind);
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `${kind} ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS7));
  c.map(["spec"]);
  const parents = [];
  const parentList = c.list(["spec", "parentRefs"]) ?? [];
  if (parentList.length > 32) c.error(["spec", "parentRefs"], "may list at most 32 parents" + REJECTS7);
  parentList.forEach((_, i) => {
    const at3 = ["spec", "parentRefs", i];
    if (c.map(at3) === void 0) return;
    const name2 = requiredString(c, [...at3, "name"], kind);
    const port3 = schemaPort(c, [...at3, "port"], kind);
    if (name2 === void 0) return;
    parents.push({
      group: c.string([...at3, "group"]) ?? GATEWAY_GROUP2,
      kind: c.string([...at3, "kind"]) ?? "Gateway",
      namespace: c.string([...at3, "namespace"]) || meta.namespace,
      name: name2,
      sectionName: c.string([...at3, "sectionName"]) || void 0,
      port: port3,
      source: fieldRef(obj3, at3)
    });
  });
  const hosts = [];
  if (WITH_HOSTNAMES.has(kind)) {
    (c.list(["spec", "hostnames"]) ?? []).forEach((h, i) => {
      if (typeof h === "string") hosts.push(h);
      else c.error(["spec", "hostnames", i], `must be a string, not ${describe(h)}` + REJECTS7);
    });
  }
  const backends = [];
  const rules3 = c.list(["spec", "rules"]);
  if ((rules3 === void 0 || rules3.length === 0) && !WITH_HOSTNAMES.has(kind) && c.isUnset(["spec", "rules"])) c.error(["spec", "rules"], "is required" + REJECTS7);
  (rules3 ?? []).forEach((_, i) => {
    const at3 = ["spec", "rules", i];
    if (c.map(at3) === void 0) return;
    const paths = kind === "HTTPRoute" ? rulePaths(c, [...at3, "matches"]) : void 0;
    (c.list([...at3, "backendRefs"]) ?? []).forEach((__, j) => {
      const b = backendRef(c, kind, meta.namespace, [...at3, "backendRefs", j]);
      if (b) backends.push(paths === void 0 ? b : { ...b, paths });
    });
  });
  if (c.hasErrors || meta.name === void 0) return { route: void 0, diagnostics: c.diagnostics };
  return {
    route: { id: `${meta.namespace}/${meta.name}[${kind}]`, kind, namespace: meta.namespace, name: meta.name, hosts, ingressClassName: void 0, parents, backends, source: sourceRef(obj3) },
    diagnostics: c.diagnostics
  };
}
function rulePaths(c, at3) {
  const matches3 = c.list(at3);
  if (matches3 === void 0 || matches3.length === 0) return void 0;
  const out = matches3.map((m) => {
    const path17 = typeof m === "object" && m !== null ? m["path"] : void 0;
    if (typeof path17 !== "object" || path17 === null) return "/";
    const { type, value } = path17;
    const v = typeof value === "string" ? value : "/";
    return type === "Exact" ? `= ${v}` : type === "RegularExpression" ? `~ ${v}` : v;
  });
  return [...new Set(out)];
}
function backendRef(c, kind, namespace, at3) {
  const REJECTS7 = rejects2(kind);
  if (c.map(at3) === void 0) return void 0;
  const name2 = requiredString(c, [...at3, "name"], kind);
  const group2 = c.string([...at3, "group"]) ?? "";
  const refKind = c.string([...at3, "kind"]) ?? "Service";
  const port3 = schemaPort(c, [...at3, "port"], kind);
  const weightRaw = c.get([...at3, "weight"]) ?? 1;
  let weight2;
  if (!Number.isInteger(weightRaw) || weightRaw < 0 || weightRaw > 1e6) {
    c.error([...at3, "weight"], `weight ${describe(weightRaw)} must be an integer 0-1000000` + REJECTS7);
  } else weight2 = weightRaw;
  if (group2 !== "" || refKind !== "Service") {
    c.note(at3, `a backend of kind ${quoted(refKind)}${group2 === "" ? "" : ` (group ${quoted(group2)})`} is not a Service; it is not analyzed`);
    return void 0;
  }
  if (port3 === void 0 && c.isUnset([...at3, "port"])) {
    c.error([...at3, "port"], "is required for a Service backend" + REJECTS7);
    return void 0;
  }
  if (name2 === void 0 || port3 === void 0 || weight2 === void 0) return void 0;
  return {
    serviceNamespace: c.string([...at3, "namespace"]) || namespace,
    serviceName: name2,
    port: { kind: "service-port", port: port3 },
    weight: weight2,
    match: void 0,
    source: fieldRef(c.object, at3)
  };
}

// src/load/port-name.ts
function svcNameProblem(name2) {
  if (name2.length === 0) return "a port name may not be empty";
  if (name2.length > 15) return `port name "${name2}" is longer than 15 characters`;
  if (!/^[-a-z0-9]+$/.test(name2)) return `port name "${name2}" may contain only lower-case letters, digits and '-'`;
  if (!/[a-z]/.test(name2)) return `port name "${name2}" must contain a letter (a number in quotes is a name, not a port number: write it without quotes)`;
  if (name2.startsWith("-") || name2.endsWith("-")) return `port name "${name2}" may not begin or end with '-'`;
  if (name2.includes("--")) return `port name "${name2}" may not contain "--"`;
  return void 0;
}

// src/load/ingress.ts
var REJECTS2 = "; the API server rejects this Ingress";
var PATH_TYPES = ["Exact", "Prefix", "ImplementationSpecific"];
var DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
function loadIngress(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `Ingress ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS2));
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);
  c.knownKeys(["spec"], ["ingressClassName", "defaultBackend", "tls", "rules"]);
  const backends = [];
  const hosts = [];
  const className = c.string(["spec", "ingressClassName"]);
  if (className !== void 0 && !isDnsSubdomain(className)) {
    c.error(["spec", "ingressClassName"], `${quoted(className)} is invalid: it must be ${RULE_TEXT["dns-subdomain"]}` + REJECTS2);
  }
  const rules3 = c.list(["spec", "rules"]);
  if (c.isUnset(["spec", "defaultBackend"]) && (rules3 === void 0 || rules3.length === 0) && c.isUnset(["spec", "rules"])) {
    c.error(["spec"], "either defaultBackend or rules must be specified" + REJECTS2);
  }
  if (!c.isUnset(["spec", "defaultBackend"])) {
    const b = backend(c, meta.namespace, ["spec", "defaultBackend"], void 0);
    if (b) backends.push(b);
  }
  (rules3 ?? []).forEach((_, i) => {
    const at3 = ["spec", "rules", i];
    if (c.map(at3) === void 0) return;
    c.knownKeys(at3, ["host", "http"]);
    const host = c.string([...at3, "host"]);
    if (host !== void 0 && host !== "") {
      const problem = hostProblem(host);
      if (problem) c.error([...at3, "host"], `${quoted(host)} ${problem}` + REJECTS2);
      else if (!hosts.includes(host)) hosts.push(host);
    }
    if (c.isUnset([...at3, "http"])) return;
    if (c.map([...at3, "http"]) === void 0) return;
    const paths = c.list([...at3, "http", "paths"]);
    if (paths === void 0 || paths.length === 0) {
      if (paths !== void 0 || c.isUnset([...at3, "http", "paths"])) c.error([...at3, "http", "paths"], "at least one path is required" + REJECTS2);
      return;
    }
    paths.forEach((_2, j) => {
      const p = [...at3, "http", "paths", j];
      if (c.map(p) === void 0) return;
      c.knownKeys(p, ["path", "pathType", "backend"]);
      const pathType = c.string([...p, "pathType"]);
      const path17 = c.string([...p, "path"]);
      if (pathType === void 0) {
        if (c.isUnset([...p, "pathType"])) c.error([...p, "pathType"], "is required: Exact, Prefix or ImplementationSpecific" + REJECTS2);
      } else if (!PATH_TYPES.includes(pathType)) {
        c.error([...p, "pathType"], `unsupported value ${quoted(pathType)}: use Exact, Prefix or ImplementationSpecific (case matters)` + REJECTS2);
      }
      if (path17 !== void 0 && path17 !== "" && !path17.startsWith("/")) c.error([...p, "path"], `${quoted(path17)} must be an absolute path (start with "/")` + REJECTS2);
      else if ((pathType === "Exact" || pathType === "Prefix") && (path17 === void 0 || path17 === "")) c.error([...p, "path"], `is required for pathType ${pathType}` + REJECTS2);
      const match = { host: host === "" ? void 0 : host, path: path17, pathType: PATH_TYPES.includes(pathType ?? "") ? pathType : void 0 };
      if (c.isUnset([...p, "backend"])) c.error([...p, "backend"], "is required" + REJECTS2);
      else {
        const b = backend(c, meta.namespace, [...p, "backend"], match);
        if (b) backends.push(b);
      }
    });
  });
  if (c.hasErrors || meta.name === void 0) return { route: void 0, diagnostics: c.diagnostics };
  return {
    route: {
      id: `${meta.namespace}/${meta.name}[Ingress]`,
      kind: "Ingress",
      namespace: meta.namespace,
      name: meta.name,
      hosts,
      ingressClassName: className,
      parents: [],
      backends,
      source: sourceRef(obj3)
    },
    diagnostics: c.diagnostics
  };
}
function hostProblem(host) {
  if (/^[0-9.]+$/.test(host) || host.includes(":")) return "must be a DNS name, not an IP address";
  const name2 = host.startsWith("*.") ? host.slice(2) : host;
  if (!isDnsSubdomain(name2)) return `is invalid: it must be ${RULE_TEXT["dns-subdomain"]}, optionally after a leading "*."`;
  return void 0;
}
function backend(c, namespace, at3, match) {
  if (c.map(at3) === void 0) return void 0;
  c.knownKeys(at3, ["service", "resource"]);
  const hasService = !c.isUnset([...at3, "service"]);
  const hasResource = !c.isUnset([...at3, "resource"]);
  if (hasService === hasResource) {
    c.error(at3, `must set exactly one of service and resource${hasService ? ", not both" : ""}` + REJECTS2);
    return void 0;
  }
  if (hasResource) {
    c.note([...at3, "resource"], "a resource backend reaches no Service (it serves, e.g., a storage bucket); it is not analyzed");
    return void 0;
  }
  const svc = [...at3, "service"];
  if (c.map(svc) === void 0) return void 0;
  c.knownKeys(svc, ["name", "port"]);
  const name2 = c.string([...svc, "name"]);
  let ok = true;
  if (name2 === void 0 || name2 === "") {
    c.error([...svc, "name"], "is required" + REJECTS2);
    ok = false;
  } else if (!(name2.length <= 63 && DNS_1035_LABEL.test(name2))) {
    c.error([...svc, "name"], `${quoted(name2)} is not a valid Service name (a DNS-1035 label: a-z, 0-9 and '-', starting with a letter)` + REJECTS2);
    ok = false;
  }
  const port3 = servicePortRef(c, [...svc, "port"]);
  if (!ok || port3 === void 0 || name2 === void 0) return void 0;
  return { serviceNamespace: namespace, serviceName: name2, port: port3, weight: void 0, match, source: fieldRef(c.object, svc) };
}
function servicePortRef(c, at3) {
  if (c.map(at3) === void 0) {
    if (c.isUnset(at3)) c.error(at3, "is required: set port.number or port.name" + REJECTS2);
    return void 0;
  }
  c.knownKeys(at3, ["name", "number"]);
  const nameRaw = c.get([...at3, "name"]);
  const numRaw = c.get([...at3, "number"]);
  const hasName = nameRaw !== void 0 && nameRaw !== null && nameRaw !== "";
  const hasNumber = numRaw !== void 0 && numRaw !== null && numRaw !== 0;
  if (hasName === hasNumber) {
    c.error(at3, `must set exactly one of name and number${hasName ? ", not both" : ""}` + REJECTS2);
    return void 0;
  }
  if (hasName) {
    const problem = typeof nameRaw === "string" ? svcNameProblem(nameRaw) : `must be a string, not ${describe(nameRaw)}`;
    if (problem) {
      c.error([...at3, "name"], problem + REJECTS2);
      return void 0;
    }
    return { kind: "service-port-name", name: nameRaw };
  }
  if (!Number.isInteger(numRaw) || numRaw < MIN_PORT || numRaw > MAX_PORT) {
    c.error([...at3, "number"], `port ${describe(numRaw)} is out of range: use 1-65535` + REJECTS2);
    return void 0;
  }
  return { kind: "service-port", port: numRaw };
}

// src/load/openshift-route.ts
var REJECTS3 = "; the API server rejects this Route";
function loadOpenShiftRoute(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `Route ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS3));
  c.map(["spec"]);
  const port3 = targetPort(c);
  const backends = [];
  if (c.isUnset(["spec", "to"])) c.error(["spec", "to"], "is required (the Service the Route sends traffic to)" + REJECTS3);
  else {
    const b = target(c, meta.namespace, ["spec", "to"], port3);
    if (b) backends.push(b);
  }
  const alternates = c.list(["spec", "alternateBackends"]) ?? [];
  if (alternates.length > 3) c.error(["spec", "alternateBackends"], "may list at most 3 alternate backends" + REJECTS3);
  alternates.forEach((_, i) => {
    const b = target(c, meta.namespace, ["spec", "alternateBackends", i], port3);
    if (b) backends.push(b);
  });
  const host = c.string(["spec", "host"]);
  if (c.hasErrors || meta.name === void 0 || port3 === void 0) return { route: void 0, diagnostics: c.diagnostics };
  return {
    route: {
      id: `${meta.namespace}/${meta.name}[Route]`,
      kind: "Route",
      namespace: meta.namespace,
      name: meta.name,
      hosts: host ? [host] : [],
      ingressClassName: void 0,
      parents: [],
      backends,
      source: sourceRef(obj3)
    },
    diagnostics: c.diagnostics
  };
}
function targetPort(c) {
  if (c.isUnset(["spec", "port"])) return { kind: "all" };
  if (c.map(["spec", "port"]) === void 0) return void 0;
  const path17 = ["spec", "port", "targetPort"];
  const raw = c.get(path17);
  if (raw === void 0 || raw === null || raw === "" || raw === 0) {
    c.error(path17, "is required when port is set" + REJECTS3);
    return void 0;
  }
  if (typeof raw === "string") return { kind: "service-port-name", name: raw };
  if (!Number.isInteger(raw) || raw < MIN_PORT || raw > MAX_PORT) {
    c.error(path17, `port ${describe(raw)} is out of range: use 1-65535 or a port name` + REJECTS3);
    return void 0;
  }
  return { kind: "target-port", port: raw };
}
function target(c, namespace, at3, port3) {
  if (c.map(at3) === void 0) return void 0;
  const kind = c.string([...at3, "kind"]) ?? "Service";
  if (kind !== "Service" && kind !== "") {
    c.error([...at3, "kind"], `must be Service, not ${describe(kind)}` + REJECTS3);
    return void 0;
  }
  const name2 = c.string([...at3, "name"]);
  if (name2 === void 0 || name2 === "") {
    c.error([...at3, "name"], "is required" + REJECTS3);
    return void 0;
  }
  const weightRaw = c.get([...at3, "weight"]) ?? 100;
  if (!Number.isInteger(weightRaw) || weightRaw < 0 || weightRaw > 256) {
    c.error([...at3, "weight"], `weight ${describe(weightRaw)} must be an integer 0-256` + REJECTS3);
    return void 0;
  }
  if (port3 === void 0) return void 0;
  return { serviceNamespace: namespace, serviceName: name2, port: port3, weight: weightRaw, match: void 0, source: fieldRef(c.object, at3) };
}

// src/load/reference-grant.ts
var REJECTS4 = rejects2("ReferenceGrant");
function loadReferenceGrant(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `ReferenceGrant ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS4));
  c.map(["spec"]);
  const from = [];
  const to = [];
  for (const side2 of ["from", "to"]) {
    const list6 = c.list(["spec", side2]);
    if (list6 === void 0 || list6.length === 0) {
      if (list6 !== void 0 || c.isUnset(["spec", side2])) c.error(["spec", side2], "must list at least one entry" + REJECTS4);
      continue;
    }
    list6.forEach((_, i) => {
      const at3 = ["spec", side2, i];
      if (c.map(at3) === void 0) return;
      const group2 = c.string([...at3, "group"]);
      if (group2 === void 0 && c.isUnset([...at3, "group"])) c.error([...at3, "group"], 'is required ("" for the core group)' + REJECTS4);
      const kind = requiredString(c, [...at3, "kind"], "ReferenceGrant");
      if (side2 === "from") {
        const namespace = requiredString(c, [...at3, "namespace"], "ReferenceGrant");
        if (group2 !== void 0 && kind !== void 0 && namespace !== void 0) from.push({ group: group2, kind, namespace });
      } else {
        const name2 = c.string([...at3, "name"]);
        if (group2 !== void 0 && kind !== void 0) to.push({ group: group2, kind, name: name2 === "" ? void 0 : name2 });
      }
    });
  }
  if (c.hasErrors || meta.name === void 0) return { grant: void 0, diagnostics: c.diagnostics };
  return { grant: { namespace: meta.namespace, name: meta.name, from, to, source: sourceRef(obj3) }, diagnostics: c.diagnostics };
}

// src/load/service.ts
var REJECTS5 = "; the API server rejects this Service";
var TYPES = ["ClusterIP", "NodePort", "LoadBalancer", "ExternalName"];
var NODE_PORT_RANGE = { from: 3e4, to: 32767 };
var DNS_1035_LABEL2 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
function loadService(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `Service ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS5));
  if (meta.name !== void 0 && !(meta.name.length <= 63 && DNS_1035_LABEL2.test(meta.name))) {
    c.error(["metadata", "name"], `${quoted(meta.name)} is invalid: a Service name must be a DNS-1035 label: at most 63 characters a-z, 0-9 and '-', starting with a letter and ending with a letter or digit` + REJECTS5);
  }
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);
  c.map(["spec"]);
  const type = serviceType(c);
  const headless = c.get(["spec", "clusterIP"]) === "None";
  const ports = servicePorts(c, type ?? "ClusterIP", headless);
  const selector = serviceSelector(c, type);
  const externalIPs = addresses(c);
  const ranges = sourceRanges(c, type);
  const externallyAccessible = type === "NodePort" || type === "LoadBalancer" || type === "ClusterIP" && externalIPs.length > 0;
  const policy = trafficPolicy(c, externallyAccessible);
  const externalName = externalNameOf(c, type);
  if (c.hasErrors || meta.name === void 0 || type === void 0 || ports === void 0) {
    return { service: void 0, diagnostics: c.diagnostics };
  }
  return {
    service: {
      id: `${meta.namespace}/${meta.name}`,
      namespace: meta.namespace,
      name: meta.name,
      type,
      selector,
      ports,
      externalIPs,
      loadBalancerSourceRanges: ranges,
      externalTrafficPolicy: policy,
      externalName,
      source: sourceRef(obj3)
    },
    diagnostics: c.diagnostics
  };
}
function serviceType(c) {
  const raw = c.get(["spec", "type"]);
  if (raw === void 0 || raw === null || raw === "") return "ClusterIP";
  if (TYPES.includes(raw)) return raw;
  c.error(["spec", "type"], `unsupported type ${describe(raw)}: use ClusterIP, NodePort, LoadBalancer or ExternalName (case matters)` + REJECTS5);
  return void 0;
}
function servicePorts(c, type, headless) {
  const path17 = ["spec", "ports"];
  const list6 = c.list(path17);
  if (list6 === void 0 && !c.isUnset(path17)) return void 0;
  if ((list6 === void 0 || list6.length === 0) && type !== "ExternalName" && !headless) {
    c.error(path17, "at least one port is required (except for headless, clusterIP: None, and ExternalName Services)" + REJECTS5);
    return void 0;
  }
  const out = [];
  const names = /* @__PURE__ */ new Set();
  const portKeys = /* @__PURE__ */ new Set();
  const nodePortKeys = /* @__PURE__ */ new Set();
  const requireName = (list6?.length ?? 0) > 1;
  let ok = true;
  (list6 ?? []).forEach((_, i) => {
    const at3 = [...path17, i];
    if (c.map(at3) === void 0) {
      c.error(at3, "a port must be a mapping with at least `port`" + REJECTS5);
      ok = false;
      return;
    }
    c.knownKeys(at3, ["name", "protocol", "appProtocol", "port", "targetPort", "nodePort"]);
    const p = servicePort(c, at3, type, requireName);
    if (p === void 0) {
      ok = false;
      return;
    }
    if (p.name !== void 0) {
      if (names.has(p.name)) {
        c.error([...at3, "name"], `duplicate port name ${quoted(p.name)}: port names must be unique within a Service` + REJECTS5);
        ok = false;
      }
      names.add(p.name);
    }
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) {
      c.error(at3, `duplicate port ${p.protocol} ${p.port}: each port and protocol may appear once` + REJECTS5);
      ok = false;
    }
    portKeys.add(key);
    if (p.nodePort !== void 0) {
      const nodeKey = `${p.protocol}/${p.nodePort}`;
      if (nodePortKeys.has(nodeKey)) {
        c.error([...at3, "nodePort"], `duplicate nodePort ${p.protocol} ${p.nodePort}` + REJECTS5);
        ok = false;
      }
      nodePortKeys.add(nodeKey);
    }
    out.push(p);
  });
  return ok ? out : void 0;
}
function servicePort(c, at3, type, requireName) {
  let ok = true;
  const fail = (path17, message) => {
    c.error(path17, message + REJECTS5);
    ok = false;
  };
  const nameRaw = c.get([...at3, "name"]);
  let name2;
  if (nameRaw === void 0 || nameRaw === null || nameRaw === "") {
    if (requireName) fail([...at3, "name"], "a name is required when a Service has more than one port");
  } else if (typeof nameRaw !== "string") fail([...at3, "name"], `must be a string, not ${describe(nameRaw)}`);
  else if (!isDnsLabel(nameRaw)) fail([...at3, "name"], `${quoted(nameRaw)} is invalid: a Service port name must be ${RULE_TEXT["dns-label"]}`);
  else name2 = nameRaw;
  const port3 = portNumber2(c, [...at3, "port"], "port");
  if (port3 === void 0) {
    if (c.isUnset([...at3, "port"])) fail([...at3, "port"], "is required");
    ok = false;
  }
  let protocol = "TCP";
  const protoRaw = c.get([...at3, "protocol"]);
  if (protoRaw !== void 0 && protoRaw !== null && protoRaw !== "") {
    if (isProtocol(protoRaw)) protocol = protoRaw;
    else {
      const hint = typeof protoRaw === "string" && isProtocol(protoRaw.toUpperCase()) ? ` (write ${protoRaw.toUpperCase()}: case matters)` : "";
      fail([...at3, "protocol"], `unsupported protocol ${describe(protoRaw)}: use TCP, UDP or SCTP${hint}`);
    }
  }
  let targetPort2 = port3 === void 0 ? void 0 : { kind: "number", port: port3 };
  const targetRaw = c.get([...at3, "targetPort"]);
  if (targetRaw !== void 0 && targetRaw !== null && targetRaw !== 0 && targetRaw !== "") {
    if (typeof targetRaw === "string") {
      const problem = svcNameProblem(targetRaw);
      if (problem) fail([...at3, "targetPort"], problem);
      else targetPort2 = { kind: "name", name: targetRaw };
    } else {
      const n = portNumber2(c, [...at3, "targetPort"], "targetPort");
      if (n === void 0) ok = false;
      else targetPort2 = { kind: "number", port: n };
    }
  }
  let nodePort;
  const nodeRaw = c.get([...at3, "nodePort"]);
  if (nodeRaw !== void 0 && nodeRaw !== null && nodeRaw !== 0) {
    if (type !== "NodePort" && type !== "LoadBalancer") {
      fail([...at3, "nodePort"], `may not be used when type is ${type} (only NodePort and LoadBalancer Services have node ports)`);
    } else {
      nodePort = portNumber2(c, [...at3, "nodePort"], "nodePort");
      if (nodePort === void 0) ok = false;
      else if (nodePort < NODE_PORT_RANGE.from || nodePort > NODE_PORT_RANGE.to) {
        fail(
          [...at3, "nodePort"],
          `nodePort ${nodePort} is not in the valid range ${NODE_PORT_RANGE.from}-${NODE_PORT_RANGE.to} (the API server's default --service-node-port-range; a cluster configured with another range may accept it)`
        );
      }
    }
  }
  if (!ok || port3 === void 0 || targetPort2 === void 0) return void 0;
  return { name: name2, port: port3, protocol, targetPort: targetPort2, nodePort, source: fieldRef(c.object, at3) };
}
function portNumber2(c, path17, what) {
  const v = c.get(path17);
  if (v === void 0 || v === null) return void 0;
  if (!Number.isInteger(v) || v < MIN_PORT || v > MAX_PORT) {
    c.error(path17, `${what} ${describe(v)} is out of range: use 1-65535` + REJECTS5);
    return void 0;
  }
  return v;
}
function serviceSelector(c, type) {
  const path17 = ["spec", "selector"];
  const m = c.map(path17);
  if (m === void 0) return null;
  const out = {};
  for (const [key, value] of Object.entries(m)) {
    const at3 = [...path17, key];
    const keyProblem = labelKeyProblem(key);
    if (keyProblem) c.error(at3, keyProblem + REJECTS5);
    if (typeof value !== "string") {
      c.error(at3, `selector values must be strings, not ${describe(value)} (quote it: "${String(value)}")` + REJECTS5);
      continue;
    }
    const valueProblem = labelValueProblem(value);
    if (valueProblem) c.error(at3, valueProblem + REJECTS5);
    out[key] = value;
  }
  if (type === "ExternalName") {
    if (Object.keys(out).length > 0) c.warning(path17, "is ignored for type ExternalName: the Service is a DNS alias and selects no pods");
    return null;
  }
  return Object.keys(out).length > 0 ? out : null;
}
function addresses(c) {
  const path17 = ["spec", "externalIPs"];
  const out = [];
  (c.list(path17) ?? []).forEach((raw, i) => {
    const at3 = [...path17, i];
    if (typeof raw !== "string") {
      c.error(at3, `must be an IP address string, not ${describe(raw)}` + REJECTS5);
      return;
    }
    const problem = specialAddressProblem(raw);
    if (problem) c.error(at3, `${quoted(raw)} ${problem}` + REJECTS5);
    else out.push(raw);
  });
  return out;
}
function specialAddressProblem(text2) {
  if (text2.includes("/")) return "must be an IP address, not a CIDR";
  const v6 = text2.includes(":");
  const parsed = parseCidr(`${text2}/${v6 ? 128 : 32}`);
  if (!parsed.ok) return "is not a valid IP address";
  const a = parsed.cidr.base;
  if (!v6) {
    if (a === 0n) return "may not be unspecified (0.0.0.0)";
    if (a >> 24n === 127n) return "may not be in the loopback range (127.0.0.0/8)";
    if (a >> 16n === 0xa9fen) return "may not be in the link-local range (169.254.0.0/16)";
    if (a >> 28n === 0xen) return "may not be in the multicast range (224.0.0.0/4)";
    return void 0;
  }
  if (a === 0n) return "may not be unspecified (::)";
  if (a === 1n) return "may not be the loopback address (::1)";
  if (a >> 118n === 0x3fan) return "may not be in the link-local range (fe80::/10)";
  if (a >> 120n === 0xffn) return "may not be in the multicast range (ff00::/8)";
  return void 0;
}
function sourceRanges(c, type) {
  const path17 = ["spec", "loadBalancerSourceRanges"];
  const list6 = c.list(path17) ?? [];
  if (list6.length > 0 && type !== void 0 && type !== "LoadBalancer") {
    c.error(path17, `may only be used when type is LoadBalancer, not ${type}` + REJECTS5);
    return [];
  }
  const out = [];
  list6.forEach((raw, i) => {
    const at3 = [...path17, i];
    if (typeof raw !== "string") {
      c.error(at3, `must be a CIDR string, not ${describe(raw)}` + REJECTS5);
      return;
    }
    const parsed = parseCidr(raw.trim());
    if (!parsed.ok) c.error(at3, `${quoted(raw)} ${parsed.reason}` + REJECTS5);
    else out.push(parsed.cidr);
  });
  return out;
}
function trafficPolicy(c, externallyAccessible) {
  const path17 = ["spec", "externalTrafficPolicy"];
  const raw = c.get(path17);
  if (raw === void 0 || raw === null || raw === "") return externallyAccessible ? "Cluster" : void 0;
  if (!externallyAccessible) {
    c.error(path17, "may only be set for externally-accessible Services (type NodePort or LoadBalancer, or with externalIPs)" + REJECTS5);
    return void 0;
  }
  if (raw === "Cluster" || raw === "Local") return raw;
  c.error(path17, `unsupported value ${describe(raw)}: use Cluster or Local` + REJECTS5);
  return void 0;
}
function externalNameOf(c, type) {
  const path17 = ["spec", "externalName"];
  const raw = c.string(path17);
  if (type !== "ExternalName") return void 0;
  if (raw === void 0 || raw === "") {
    c.error(path17, "is required for type ExternalName" + REJECTS5);
    return void 0;
  }
  const name2 = raw.endsWith(".") ? raw.slice(0, -1) : raw;
  if (!isDnsSubdomain(name2)) {
    c.error(path17, `${quoted(raw)} is invalid: it must be ${RULE_TEXT["dns-subdomain"]}` + REJECTS5);
    return void 0;
  }
  return raw;
}

// src/load/exposure-kinds.ts
var EXPOSURE_KINDS = ["Service", "Ingress", "Route", "Gateway", "ReferenceGrant", ...GATEWAY_ROUTE_KINDS];
function isExposureObject(obj3) {
  return obj3.kind === "Service" && obj3.apiVersion === "v1" || obj3.kind === "Ingress" && obj3.apiVersion === "networking.k8s.io/v1" || obj3.kind === "Route" && obj3.apiVersion === "route.openshift.io/v1" || isGatewayApi(obj3.kind, obj3.apiVersion);
}
function loadExposureObject(obj3) {
  switch (obj3.kind) {
    case "Service": {
      const r = loadService(obj3);
      return { loaded: r.service && { type: "service", value: r.service }, diagnostics: r.diagnostics };
    }
    case "Ingress": {
      const r = loadIngress(obj3);
      return { loaded: r.route && { type: "route", value: r.route }, diagnostics: r.diagnostics };
    }
    case "Route": {
      const r = loadOpenShiftRoute(obj3);
      return { loaded: r.route && { type: "route", value: r.route }, diagnostics: r.diagnostics };
    }
    case "Gateway": {
      const r = loadGateway(obj3);
      return { loaded: r.gateway && { type: "gateway", value: r.gateway }, diagnostics: r.diagnostics };
    }
    case "ReferenceGrant": {
      const r = loadReferenceGrant(obj3);
      return { loaded: r.grant && { type: "grant", value: r.grant }, diagnostics: r.diagnostics };
    }
    default: {
      const r = loadGatewayRoute(obj3);
      return { loaded: r.route && { type: "route", value: r.route }, diagnostics: r.diagnostics };
    }
  }
}

// src/load/namespace.ts
function loadNamespace(obj3) {
  const meta = objectMeta(obj3, "namespace-object");
  const c = new Checker(obj3, `Namespace ${meta.nameShown}`);
  for (const p of meta.problems) c.error(p.path, `${p.message}; the API server rejects this Namespace`);
  if (meta.name === void 0) return { namespace: void 0, diagnostics: c.diagnostics };
  const labels2 = {};
  for (const [k, v] of Object.entries(meta.labels)) {
    if (typeof v === "string") labels2[k] = v;
    else c.warning(["metadata", "labels", k], `label values must be strings, not ${describe(v)}; the label is ignored`);
  }
  if (labels2[NAMESPACE_NAME_LABEL] !== void 0 && labels2[NAMESPACE_NAME_LABEL] !== meta.name) {
    c.warning(["metadata", "labels", NAMESPACE_NAME_LABEL], `the API server sets ${NAMESPACE_NAME_LABEL} to the namespace's name ("${meta.name}"); the declared value is replaced`);
  }
  labels2[NAMESPACE_NAME_LABEL] = meta.name;
  return {
    namespace: { name: meta.name, labels: labels2, source: sourceRef(obj3) },
    diagnostics: c.diagnostics
  };
}
function implicitNamespace(name2) {
  return { name: name2, labels: { [NAMESPACE_NAME_LABEL]: name2 }, source: null };
}

// src/load/network-policy.ts
var REJECTS6 = "; the API server rejects this NetworkPolicy";
function loadNetworkPolicy(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `NetworkPolicy ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + REJECTS6));
  c.knownKeys([], ["apiVersion", "kind", "metadata", "spec", "status"]);
  const spec = c.map(["spec"]);
  if (spec === void 0 && c.isUnset(["spec"])) {
    c.warning([], "has no spec: it selects every pod of its namespace and denies all their ingress");
  }
  c.knownKeys(["spec"], ["podSelector", "policyTypes", "ingress", "egress"]);
  const subject = parseSelector(c, ["spec", "podSelector"]);
  const ingressList = c.list(["spec", "ingress"]);
  const egressList = c.list(["spec", "egress"]);
  const types = policyTypes(c, egressList);
  const ingress = rules(c, "ingress", ingressList);
  const egress = rules(c, "egress", egressList);
  for (const dir of ["ingress", "egress"]) {
    const list6 = dir === "ingress" ? ingressList : egressList;
    if (types && !types.has(dir) && list6 && list6.length > 0) {
      c.warning(["spec", dir], `${dir} rules have no effect: policyTypes does not include ${cap(dir)}`);
    }
  }
  if (c.hasErrors || subject === void 0 || types === void 0 || meta.name === void 0) {
    return { policy: void 0, diagnostics: c.diagnostics };
  }
  const source = sourceRef(obj3);
  return {
    policy: {
      id: `${meta.namespace}/${meta.name}`,
      namespace: meta.namespace,
      name: meta.name,
      subject,
      ingress: types.has("ingress") ? ingress : null,
      egress: types.has("egress") ? egress : null,
      source
    },
    diagnostics: c.diagnostics
  };
}
function cap(d) {
  return d === "ingress" ? "Ingress" : "Egress";
}
function policyTypes(c, egress) {
  const path17 = ["spec", "policyTypes"];
  const list6 = c.list(path17);
  if (list6 === void 0 && !c.isUnset(path17)) return void 0;
  if (list6 === void 0 || list6.length === 0) {
    return new Set(egress && egress.length > 0 ? ["ingress", "egress"] : ["ingress"]);
  }
  if (list6.length > 2) {
    c.error(path17, "may not list more than two policyTypes" + REJECTS6);
    return void 0;
  }
  const out = /* @__PURE__ */ new Set();
  let ok = true;
  list6.forEach((t, i) => {
    if (t === "Ingress") out.add("ingress");
    else if (t === "Egress") out.add("egress");
    else {
      c.error([...path17, i], `unsupported policy type ${describe(t)}: use Ingress or Egress (case matters)` + REJECTS6);
      ok = false;
    }
  });
  return ok ? out : void 0;
}
function rules(c, dir, list6) {
  const out = [];
  (list6 ?? []).forEach((raw, i) => {
    const at3 = ["spec", dir, i];
    if (raw === null || raw === void 0) {
      out.push({ direction: dir, index: i, peers: "any", ports: "any", source: sourceRef(c.object, at3) });
      return;
    }
    if (c.map(at3) === void 0) return;
    const peerKey2 = dir === "ingress" ? "from" : "to";
    c.knownKeys(at3, [peerKey2, "ports"]);
    const peersRaw = c.list([...at3, peerKey2]);
    const portsRaw = c.list([...at3, "ports"]);
    const peers = [];
    (peersRaw ?? []).forEach((_, j) => {
      const p = peer(c, [...at3, peerKey2, j]);
      if (p) peers.push(p);
    });
    const ports = [];
    (portsRaw ?? []).forEach((_, j) => {
      const p = port(c, [...at3, "ports", j]);
      if (p) ports.push(p);
    });
    out.push({
      direction: dir,
      index: i,
      peers: peersRaw && peersRaw.length > 0 ? peers : "any",
      ports: portsRaw && portsRaw.length > 0 ? ports : "any",
      source: sourceRef(c.object, at3)
    });
  });
  return out;
}
function peer(c, at3) {
  const m = c.map(at3);
  if (m === void 0) {
    if (c.isUnset(at3)) c.error(at3, "a peer must set podSelector, namespaceSelector or ipBlock" + REJECTS6);
    return void 0;
  }
  c.knownKeys(at3, ["podSelector", "namespaceSelector", "ipBlock"]);
  const has = (k) => !c.isUnset([...at3, k]);
  const count = ["podSelector", "namespaceSelector", "ipBlock"].filter(has).length;
  if (count === 0) {
    c.error(at3, "a peer must set podSelector, namespaceSelector or ipBlock (an empty peer {} is invalid; to allow everything, omit from/to)" + REJECTS6);
    return void 0;
  }
  if (has("ipBlock")) {
    if (count > 1) {
      c.error(at3, "may not set ipBlock together with podSelector or namespaceSelector (use separate peers)" + REJECTS6);
      return void 0;
    }
    return ipBlock(c, [...at3, "ipBlock"]);
  }
  const pods = parseSelector(c, [...at3, "podSelector"]);
  let namespaces = { kind: "own" };
  if (has("namespaceSelector")) {
    const ns = parseSelector(c, [...at3, "namespaceSelector"]);
    if (ns === void 0) return void 0;
    namespaces = { kind: "selector", selector: ns };
  }
  return pods ? { kind: "pods", namespaces, pods } : void 0;
}
function ipBlock(c, at3) {
  if (c.map(at3) === void 0) return void 0;
  c.knownKeys(at3, ["cidr", "except"]);
  const cidr = cidrField(c, [...at3, "cidr"]);
  if (cidr === void 0) {
    if (c.isUnset([...at3, "cidr"])) c.error(at3, "ipBlock.cidr is required" + REJECTS6);
    return void 0;
  }
  const exceptRaw = c.list([...at3, "except"]);
  const except = [];
  let ok = true;
  (exceptRaw ?? []).forEach((_, i) => {
    const e = cidrField(c, [...at3, "except", i]);
    if (e === void 0) {
      ok = false;
      return;
    }
    const outer = cidrRange(cidr);
    const inner = cidrRange(e);
    const inside = e.family === cidr.family && e.prefix > cidr.prefix && inner.lo >= outer.lo && inner.hi <= outer.hi;
    if (!inside) {
      c.error([...at3, "except", i], `except ${formatCidr(e)} must lie strictly inside cidr ${formatCidr(cidr)}` + REJECTS6);
      ok = false;
      return;
    }
    except.push(e);
  });
  return ok ? { kind: "ipBlock", cidr, except } : void 0;
}
function cidrField(c, at3) {
  const text2 = c.string(at3);
  if (text2 === void 0) return void 0;
  const parsed = parseCidr(text2.trim());
  if (!parsed.ok) {
    c.error(at3, `"${text2}" ${parsed.reason}` + REJECTS6);
    return void 0;
  }
  if (parsed.hostBitsSet) {
    c.warning(at3, `"${text2}" has host bits set; it is read as ${formatCidr(parsed.cidr)}`);
  }
  return parsed.cidr;
}
function port(c, at3) {
  if (c.map(at3) === void 0) {
    if (c.isUnset(at3)) {
      return { protocol: "TCP", port: { kind: "all" } };
    }
    return void 0;
  }
  c.knownKeys(at3, ["protocol", "port", "endPort"]);
  let ok = true;
  let protocol = "TCP";
  const protoRaw = c.get([...at3, "protocol"]);
  if (protoRaw !== void 0 && protoRaw !== null) {
    if (isProtocol(protoRaw)) protocol = protoRaw;
    else {
      const hint = typeof protoRaw === "string" && isProtocol(protoRaw.toUpperCase()) ? ` (write ${protoRaw.toUpperCase()}: case matters)` : "";
      c.error([...at3, "protocol"], `unsupported protocol ${describe(protoRaw)}: use TCP, UDP or SCTP${hint}` + REJECTS6);
      ok = false;
    }
  }
  const portRaw = c.get([...at3, "port"]);
  const endRaw = c.get([...at3, "endPort"]);
  const hasPort = portRaw !== void 0 && portRaw !== null;
  const hasEnd = endRaw !== void 0 && endRaw !== null;
  if (hasEnd) {
    if (!Number.isInteger(endRaw)) {
      c.error([...at3, "endPort"], `must be an integer, not ${describe(endRaw)}` + REJECTS6);
      ok = false;
    } else if (!hasPort) {
      c.error([...at3, "endPort"], "endPort needs a numeric port (the start of the range)" + REJECTS6);
      ok = false;
    } else if (typeof portRaw === "string") {
      c.error([...at3, "endPort"], "endPort may not be used with a named port" + REJECTS6);
      ok = false;
    }
  }
  if (!hasPort) return ok ? { protocol, port: { kind: "all" } } : void 0;
  if (typeof portRaw === "string") {
    const problem = svcNameProblem(portRaw);
    if (problem) {
      c.error([...at3, "port"], problem + REJECTS6);
      return void 0;
    }
    return ok ? { protocol, port: { kind: "named", name: portRaw } } : void 0;
  }
  if (!Number.isInteger(portRaw) || portRaw < MIN_PORT || portRaw > MAX_PORT) {
    c.error([...at3, "port"], `port ${describe(portRaw)} is out of range: use 1-65535 or a port name` + REJECTS6);
    return void 0;
  }
  const from = portRaw;
  if (!ok) return void 0;
  if (hasEnd) {
    const to = endRaw;
    if (to < from) {
      c.error([...at3, "endPort"], `endPort ${to} must be greater than or equal to port ${from}` + REJECTS6);
      return void 0;
    }
    if (to > MAX_PORT) {
      c.error([...at3, "endPort"], `endPort ${to} is out of range: at most 65535` + REJECTS6);
      return void 0;
    }
    return { protocol, port: { kind: "range", from, to } };
  }
  return { protocol, port: { kind: "range", from, to: from } };
}

// src/load/pod-status.ts
function podIps(c) {
  const out = /* @__PURE__ */ new Map();
  const read2 = (path17) => {
    const text2 = c.string(path17);
    if (text2 === void 0 || text2 === "") return;
    const ip = parseAddress(text2);
    if (ip === void 0) {
      c.warning(path17, `${quoted(text2)} is not an IP address; it is ignored`);
      return;
    }
    out.set(`${ip.family} ${formatAddress(ip.family, ip.value)}`, ip);
  };
  read2(["status", "podIP"]);
  (c.list(["status", "podIPs"]) ?? []).forEach((_, i) => {
    if (c.map(["status", "podIPs", i]) !== void 0) read2(["status", "podIPs", i, "ip"]);
  });
  return [...out.values()];
}
function nodeName(c) {
  const name2 = c.string(["spec", "nodeName"]);
  return name2 === void 0 || name2 === "" ? void 0 : name2;
}

// src/load/workload.ts
var TEMPLATE_PATH = {
  Deployment: ["spec", "template"],
  ReplicaSet: ["spec", "template"],
  StatefulSet: ["spec", "template"],
  DaemonSet: ["spec", "template"],
  Job: ["spec", "template"],
  ReplicationController: ["spec", "template"],
  CronJob: ["spec", "jobTemplate", "spec", "template"]
};
var WORKLOAD_KINDS = ["Pod", ...Object.keys(TEMPLATE_PATH)];
function loadWorkload(obj3) {
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `${obj3.kind} ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + "; left out"));
  if (meta.name === void 0) return { workload: void 0, diagnostics: c.diagnostics, replica: false };
  const template = obj3.kind === "Pod" ? [] : TEMPLATE_PATH[obj3.kind];
  const labelsPath = [...template, "metadata", "labels"];
  const podSpec = [...template, "spec"];
  const owner = obj3.kind === "Pod" ? controllerOwner(c) : void 0;
  const name2 = owner?.name ?? meta.name;
  const kind = owner?.kind ?? obj3.kind;
  const node = obj3.kind === "Pod" ? nodeName(c) : void 0;
  return {
    workload: {
      id: `${meta.namespace}/${name2}[${kind}]`,
      namespace: meta.namespace,
      name: name2,
      kind,
      labels: labels(c, labelsPath),
      ports: containerPorts(c, podSpec),
      hostNetwork: c.get([...podSpec, "hostNetwork"]) === true,
      ips: obj3.kind === "Pod" ? podIps(c) : [],
      nodeNames: node === void 0 ? [] : [node],
      source: sourceRef(obj3)
    },
    diagnostics: c.diagnostics,
    replica: owner !== void 0,
    ...owner !== void 0 ? { podName: meta.name } : {}
  };
}
var CONTROLLER_KINDS = /* @__PURE__ */ new Set([...Object.keys(TEMPLATE_PATH)]);
function controllerOwner(c) {
  const refs = c.get(["metadata", "ownerReferences"]);
  if (!Array.isArray(refs)) return void 0;
  const candidates = refs.filter(isPlainObject).filter((r) => typeof r["name"] === "string" && r["name"] !== "");
  const pick = candidates.find((r) => r["controller"] === true) ?? candidates[0];
  if (pick === void 0) return void 0;
  const kind = pick["kind"];
  if (typeof kind === "string" && kind !== "") {
    return CONTROLLER_KINDS.has(kind) ? { name: pick["name"], kind } : void 0;
  }
  return { name: pick["name"], kind: "Pod" };
}
function labels(c, path17) {
  const m = c.map(path17);
  const out = {};
  for (const [k, v] of Object.entries(m ?? {})) {
    if (typeof v === "string") out[k] = v;
    else c.warning([...path17, k], `label values must be strings, not ${describe(v)}; the label is ignored`);
  }
  return out;
}
function containerPorts(c, spec) {
  const out = [];
  for (const group2 of ["containers"]) {
    const containers = c.list([...spec, group2]) ?? [];
    containers.forEach((_, i) => {
      const portsPath = [...spec, group2, i, "ports"];
      const ports = c.list(portsPath) ?? [];
      ports.forEach((p, j) => {
        if (!isPlainObject(p)) return;
        const at3 = [...portsPath, j];
        const num = p["containerPort"];
        if (!Number.isInteger(num) || num < MIN_PORT || num > MAX_PORT) {
          c.warning([...at3, "containerPort"], `containerPort ${describe(num)} is not a port number 1-65535; the port is ignored`);
          return;
        }
        const proto = p["protocol"] ?? "TCP";
        if (!isProtocol(proto)) {
          c.warning([...at3, "protocol"], `unsupported protocol ${describe(proto)}; the port is ignored`);
          return;
        }
        const name2 = typeof p["name"] === "string" && p["name"] !== "" ? p["name"] : void 0;
        out.push({ name: name2, port: num, protocol: proto });
      });
    });
  }
  return out;
}

// src/load/node.ts
var NAME_TYPES = /* @__PURE__ */ new Set(["Hostname", "InternalDNS", "ExternalDNS"]);
function loadNode(obj3) {
  const meta = objectMeta(obj3, "cluster-scoped");
  const c = new Checker(obj3, `Node ${meta.nameShown}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + "; left out"));
  const nodeLabels = labels(c, ["metadata", "labels"]);
  const addresses2 = [];
  (c.list(["status", "addresses"]) ?? []).forEach((_, i) => {
    const at3 = ["status", "addresses", i];
    if (c.map(at3) === void 0) return;
    const type = c.string([...at3, "type"]) ?? "";
    const text2 = c.string([...at3, "address"]);
    if (text2 === void 0 || NAME_TYPES.has(type)) return;
    const address = parseAddress(text2);
    if (address === void 0) {
      c.warning([...at3, "address"], `${quoted(text2)} is not an IP address; it is ignored`);
      return;
    }
    addresses2.push({ type, address });
  });
  if (c.hasErrors || meta.name === void 0) return { node: void 0, diagnostics: c.diagnostics };
  return { node: { name: meta.name, labels: nodeLabels, addresses: addresses2, source: sourceRef(obj3) }, diagnostics: c.diagnostics };
}

// src/load/operator-workloads.ts
var MONITORING = "monitoring.coreos.com";
var MANAGED_BY = { "app.kubernetes.io/managed-by": "prometheus-operator" };
var port2 = (name2, num, protocol = "TCP") => ({ name: name2, port: num, protocol });
var RELOADER = port2("reloader-web", 8080);
var KINDS2 = {
  Prometheus: {
    group: MONITORING,
    selectorLabels: (name2) => ({
      "app.kubernetes.io/name": "prometheus",
      ...MANAGED_BY,
      "app.kubernetes.io/instance": name2,
      prometheus: name2,
      "operator.prometheus.io/name": name2,
      "operator.prometheus.io/shard": "0"
    }),
    ports: (s) => [
      ...s.listenLocal ? [] : [port2(s.portName, 9090), RELOADER],
      ...s.thanos ? [port2("http", 10902), port2("grpc", 10901)] : []
    ],
    versionLabel: true,
    hostNetwork: true
  },
  Alertmanager: {
    group: MONITORING,
    selectorLabels: (name2) => ({ "app.kubernetes.io/name": "alertmanager", ...MANAGED_BY, "app.kubernetes.io/instance": name2, alertmanager: name2 }),
    ports: (s) => [
      ...s.listenLocal ? [] : [port2(s.portName, 9093)],
      port2("mesh-tcp", 9094),
      port2("mesh-udp", 9094, "UDP"),
      ...s.listenLocal ? [] : [RELOADER]
    ],
    versionLabel: true,
    hostNetwork: true
  },
  ThanosRuler: {
    group: MONITORING,
    selectorLabels: (name2) => ({ "app.kubernetes.io/name": "thanos-ruler", ...MANAGED_BY, "app.kubernetes.io/instance": name2, "thanos-ruler": name2 }),
    ports: (s) => [port2("grpc", 10901), ...s.listenLocal ? [] : [port2(s.portName, 10902), RELOADER]],
    versionLabel: false,
    hostNetwork: false
  }
};
function operatorKind(obj3) {
  const k = Object.prototype.hasOwnProperty.call(KINDS2, obj3.kind) ? KINDS2[obj3.kind] : void 0;
  return k !== void 0 && obj3.apiVersion.split("/")[0] === k.group && obj3.apiVersion.includes("/") ? k : void 0;
}
function isOperatorWorkload(obj3) {
  return operatorKind(obj3) !== void 0;
}
function loadOperatorWorkload(obj3) {
  const kind = operatorKind(obj3);
  const meta = objectMeta(obj3);
  const c = new Checker(obj3, `${obj3.kind} ${meta.display}`);
  meta.problems.forEach((p) => c.error(p.path, p.message + "; left out"));
  if (meta.name === void 0) return { workload: void 0, diagnostics: c.diagnostics, replica: false };
  const version = kind.versionLabel ? semverLabel(c.get(["spec", "version"])) : void 0;
  const portName2 = c.get(["spec", "portName"]);
  const spec = {
    listenLocal: c.get(["spec", "listenLocal"]) === true,
    portName: typeof portName2 === "string" && portName2 !== "" ? portName2 : "web",
    thanos: c.get(["spec", "thanos"]) !== void 0 && c.get(["spec", "thanos"]) !== null
  };
  return {
    workload: {
      id: `${meta.namespace}/${meta.name}[${obj3.kind}]`,
      namespace: meta.namespace,
      name: meta.name,
      kind: obj3.kind,
      labels: {
        ...version === void 0 ? {} : { "app.kubernetes.io/version": version },
        ...labels(c, ["spec", "podMetadata", "labels"]),
        ...kind.selectorLabels(meta.name)
      },
      // spec.containers are merged into the operator's containers (or added): their ports count too.
      ports: unique([...kind.ports(spec), ...containerPorts(c, ["spec"])]),
      hostNetwork: kind.hostNetwork && c.get(["spec", "hostNetwork"]) === true,
      // A custom resource says nothing of its pods' IPs or nodes.
      ips: [],
      nodeNames: [],
      source: sourceRef(obj3)
    },
    diagnostics: c.diagnostics,
    replica: false
  };
}
function semverLabel(v) {
  if (typeof v !== "string") return void 0;
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?([-+].*)?$/.exec(v.trim());
  if (m === null) return void 0;
  return `${Number(m[1])}.${Number(m[2])}.${Number(m[3] ?? 0)}${m[4] ?? ""}`;
}
function unique(ports) {
  const seen = /* @__PURE__ */ new Set();
  return ports.filter((p) => {
    const key = `${p.name ?? ""}/${p.port}/${p.protocol}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// src/load/walk-order.ts
function compareNames(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i);
    const y = b.codePointAt(i);
    if (x !== y) return x < y ? -1 : 1;
    if (x > 65535) i++;
  }
  return a.length - b.length;
}
function compareWalkOrder(a, b) {
  const pa = a.split("/");
  const pb = b.split("/");
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const c = compareNames(pa[i], pb[i]);
    if (c !== 0) return c;
  }
  return pa.length - pb.length;
}

// src/load/replica-groups.ts
function podSelectors(c) {
  const out = [];
  const add = (s) => {
    if (s.requirements.length > 0) out.push(s);
  };
  for (const p of c.policies) {
    add(p.subject);
    for (const rule of [...p.ingress ?? [], ...p.egress ?? []]) if (rule.peers !== "any") {
      for (const peer2 of rule.peers) if (peer2.kind === "pods") add(peer2.pods);
    }
  }
  for (const p of c.adminPolicies) {
    add(p.subject.pods);
    for (const rule of [...p.ingress, ...p.egress]) for (const peer2 of rule.peers) if (peer2.kind === "pods") add(peer2.pods);
  }
  for (const s of c.services) {
    if (s.selector !== null) add({ requirements: Object.entries(s.selector).map(([key, value]) => ({ key, op: "In", values: [value] })) });
  }
  return uniqueSelectors(out);
}
function uniqueSelectors(selectors) {
  return [...new Map(selectors.map((s) => [selectorKey(s), s])).values()];
}
function portsKey(w) {
  return w.ports.map((p) => `${p.protocol} ${p.port} ${p.name ?? ""}`).sort();
}
function signature(w, selectors) {
  return JSON.stringify([selectors.map((s) => selects(s, w.labels) ? 1 : 0).join(""), portsKey(w), w.hostNetwork]);
}
function replicaKeys(r) {
  return differingKeys([...r.declared ? [r.declared] : [], ...r.pods.values()]);
}
function differingKeys(members) {
  const out = /* @__PURE__ */ new Set();
  const first = members[0].labels;
  for (const w of members) {
    for (const k of Object.keys(w.labels)) if (first[k] !== w.labels[k]) out.add(k);
    for (const k of Object.keys(first)) if (!Object.prototype.hasOwnProperty.call(w.labels, k)) out.add(k);
  }
  return out;
}
var NAMES_SHOWN = 3;
function settleReplicas(r, all) {
  const names = [...r.pods.keys()].sort(comparePodNames);
  const differ = replicaKeys(r);
  const selectors = differ.size === 0 ? [] : all.filter((s) => s.requirements.some((q) => differ.has(q.key)));
  const groups2 = /* @__PURE__ */ new Map();
  if (r.declared) groups2.set(signature(r.declared, selectors), { declared: r.declared, pods: [] });
  for (const name2 of names) {
    const key = signature(r.pods.get(name2), selectors);
    const g = groups2.get(key);
    if (g) g.pods.push(name2);
    else groups2.set(key, { declared: void 0, pods: [name2] });
  }
  const split = groups2.size > 1;
  return [...groups2.values()].map((g) => {
    const pods = g.pods.map((n) => r.pods.get(n));
    const first = g.declared ?? pods[0];
    const w = withPlacement(first, pods);
    if (!split) return w;
    if (g.declared) return g.pods.length === 0 ? w : { ...w, pods: g.pods };
    const shown = g.pods.slice(0, NAMES_SHOWN).join(", ") + (g.pods.length > NAMES_SHOWN ? ` and ${g.pods.length - NAMES_SHOWN} more` : "");
    return { ...w, id: `${w.id} (pods ${shown})`, pods: g.pods };
  });
}
function comparePodNames(a, b) {
  const xs = a.match(/\d+|\D+/g) ?? [];
  const ys = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
    const x = xs[i];
    const y = ys[i];
    if (x === y) continue;
    if (/^\d/.test(x) && /^\d/.test(y)) {
      const [u, v] = [x.replace(/^0+/, ""), y.replace(/^0+/, "")];
      if (u.length !== v.length) return u.length - v.length;
      if (u !== v) return u < v ? -1 : 1;
    }
    break;
  }
  return compareNames(a, b);
}
function withPlacement(w, pods) {
  if (pods.every((p) => p === w || p.ips.length === 0 && p.nodeNames.length === 0)) return w;
  const ips = /* @__PURE__ */ new Map();
  const nodes = /* @__PURE__ */ new Set();
  for (const p of [w, ...pods]) {
    for (const ip of p.ips) ips.set(`${ip.family} ${ip.value}`, ip);
    for (const n of p.nodeNames) nodes.add(n);
  }
  return { ...w, ips: [...ips.values()], nodeNames: [...nodes] };
}

// src/load/built-in-kinds.ts
var KINDS3 = [
  // Kubernetes
  "APIService",
  "Binding",
  "CertificateSigningRequest",
  "ClusterRole",
  "ClusterRoleBinding",
  "ComponentStatus",
  "ConfigMap",
  "ControllerRevision",
  "CSIDriver",
  "CSINode",
  "CSIStorageCapacity",
  "CustomResourceDefinition",
  "Endpoints",
  "EndpointSlice",
  "Event",
  "FlowSchema",
  "HorizontalPodAutoscaler",
  "Ingress",
  "IngressClass",
  "Lease",
  "LimitRange",
  "List",
  "MutatingAdmissionPolicy",
  "MutatingAdmissionPolicyBinding",
  "MutatingWebhookConfiguration",
  "Namespace",
  "NetworkPolicy",
  "Node",
  "PersistentVolume",
  "PersistentVolumeClaim",
  "PodDisruptionBudget",
  "PodSecurityPolicy",
  "PodTemplate",
  "PriorityClass",
  "PriorityLevelConfiguration",
  "ResourceQuota",
  "Role",
  "RoleBinding",
  "RuntimeClass",
  "Secret",
  "Service",
  "ServiceAccount",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VerticalPodAutoscaler",
  "VolumeAttachment",
  // Kustomize and Helm files that are not objects in a cluster
  "Kustomization",
  "Component",
  // Custom resources known to configure rather than run pods
  "ServiceMonitor",
  "PodMonitor",
  "PrometheusRule",
  "Probe",
  "ScrapeConfig",
  "AlertmanagerConfig",
  "Certificate",
  "CertificateRequest",
  "Issuer",
  "ClusterIssuer",
  "AdminNetworkPolicy",
  "BaselineAdminNetworkPolicy",
  "ClusterNetworkPolicy",
  "CiliumNetworkPolicy",
  "CiliumClusterwideNetworkPolicy",
  "GlobalNetworkPolicy"
];
var BUILT_IN = new Set(KINDS3);
function mayMakePods(kind) {
  return !BUILT_IN.has(kind);
}

// src/load/unselected-policies.ts
function unselectedPolicies(cluster, skippedKinds, policyObjects) {
  const byNamespace = /* @__PURE__ */ new Map();
  for (const w of cluster.workloads) {
    const list6 = byNamespace.get(w.namespace);
    if (list6) list6.push(w);
    else byNamespace.set(w.namespace, [w]);
  }
  const unread = [...skippedKinds.keys()].filter(mayMakePods).sort();
  const out = [];
  const matches3 = new Matches(cluster, byNamespace);
  for (const p of cluster.policies) {
    const obj3 = policyObjects.get(p.id);
    if (obj3 === void 0) continue;
    const selectsNone = byNamespace.has(p.namespace) && !matches3.anyWorkload(matches3.own(p.namespace), p.subject);
    const peers = emptyPeers(p, matches3);
    if (!selectsNone && peers.length === 0) continue;
    const rules3 = peers.join(", ");
    const message = selectsNone ? `NetworkPolicy ${p.id} selects no workload declared here${peers.length > 0 ? `, and a pod peer of ${rules3} admits none declared in its namespaces` : ""}; its pods may come from a controller netreach does not read${found(unread)}` : `NetworkPolicy ${p.id}: a pod peer of ${rules3} admits no workload declared in its namespaces; those pods may come from a controller netreach does not read${found(unread)}`;
    out.push(diagnostic("warning", obj3.file, obj3.locate([]), message));
  }
  return out;
}
function emptyPeers(p, matches3) {
  const out = [];
  for (const rule of [...p.ingress ?? [], ...p.egress ?? []]) {
    if (rule.peers === "any") continue;
    const empty = rule.peers.some((peer2) => {
      if (peer2.kind !== "pods") return false;
      const match = peer2.namespaces;
      const declaring = match.kind === "own" ? matches3.own(p.namespace) : matches3.selected(match.selector);
      return declaring.names.length > 0 && !matches3.anyWorkload(declaring, peer2.pods);
    });
    if (empty) out.push(`${rule.direction}[${rule.index}]`);
  }
  return out;
}
var Matches = class {
  constructor(cluster, byNamespace) {
    this.cluster = cluster;
    this.byNamespace = byNamespace;
  }
  cluster;
  byNamespace;
  sets = /* @__PURE__ */ new Map();
  any = /* @__PURE__ */ new Map();
  /** A policy's own namespace, if it declares workloads. */
  own(namespace) {
    return this.set(`=${namespace}`, () => this.byNamespace.has(namespace) ? [namespace] : []);
  }
  /** The namespaces declaring workloads whose labels the selector matches. */
  selected(selector) {
    return this.set(
      `~${selectorKey(selector)}`,
      () => [...this.cluster.namespaces.values()].filter((n) => this.byNamespace.has(n.name) && selects(selector, n.labels)).map((n) => n.name)
    );
  }
  /** Whether the selector matches some workload declared in these namespaces. */
  anyWorkload(namespaces, selector) {
    if (namespaces.names.length <= 1) return namespaces.names.some((n) => (this.byNamespace.get(n) ?? []).some((w) => selects(selector, w.labels)));
    const key = `${namespaces.key}\0${selectorKey(selector)}`;
    let found2 = this.any.get(key);
    if (found2 === void 0) {
      found2 = namespaces.names.some((n) => (this.byNamespace.get(n) ?? []).some((w) => selects(selector, w.labels)));
      this.any.set(key, found2);
    }
    return found2;
  }
  set(key, names) {
    let set = this.sets.get(key);
    if (set === void 0) this.sets.set(key, set = { key, names: names() });
    return set;
  }
};
function found(kinds) {
  if (kinds.length === 0) return ", or be declared elsewhere";
  const shown = kinds.slice(0, 5).map((k) => /^[A-Za-z][A-Za-z0-9]*$/.test(k) ? k : quoted(k));
  const more = kinds.length > 5 ? ` and ${kinds.length - 5} more` : "";
  return ` (kind${kinds.length === 1 ? "" : "s"} ${shown.join(", ")}${more} found)`;
}

// src/load/cluster.ts
var NETWORK_POLICY_API = "networking.k8s.io/v1";
function buildCluster(objects, memo3, others = []) {
  const once2 = (obj3, load) => {
    if (memo3 === void 0) return load(obj3);
    if (memo3.has(obj3)) return memo3.get(obj3);
    const r = load(obj3);
    memo3.set(obj3, r);
    return r;
  };
  const diagnostics2 = [];
  const namespaces = /* @__PURE__ */ new Map();
  const workloads = [];
  const policies = /* @__PURE__ */ new Map();
  const adminPolicies = /* @__PURE__ */ new Map();
  const nodes = /* @__PURE__ */ new Map();
  const skippedKinds = /* @__PURE__ */ new Map();
  const unanalyzedObjects = [];
  const policyObjects = /* @__PURE__ */ new Map();
  const validPolicyObjects = /* @__PURE__ */ new Set();
  const services = /* @__PURE__ */ new Map();
  const routes = /* @__PURE__ */ new Map();
  const gateways = /* @__PURE__ */ new Map();
  const grants = /* @__PURE__ */ new Map();
  const owners = /* @__PURE__ */ new Map();
  let podsAt;
  for (const [index, obj3] of objects.entries()) {
    if (obj3.kind === "Namespace" && obj3.apiVersion === "v1") {
      const r = once2(obj3, loadNamespace);
      diagnostics2.push(...r.diagnostics);
      if (r.namespace) {
        const earlier = namespaces.get(r.namespace.name);
        if (earlier) diagnostics2.push(duplicate(obj3, `Namespace ${r.namespace.name}`, earlier.source ?? void 0));
        namespaces.set(r.namespace.name, r.namespace);
      }
    } else if (obj3.kind === "NetworkPolicy" && obj3.apiVersion === NETWORK_POLICY_API) {
      const r = once2(obj3, loadNetworkPolicy);
      diagnostics2.push(...r.diagnostics);
      const meta = objectMeta(obj3);
      const key = meta.name === void 0 ? void 0 : `${meta.namespace}/${meta.name}`;
      if (key !== void 0 && (r.policy !== void 0 || !validPolicyObjects.has(key))) policyObjects.set(key, obj3);
      if (r.policy) {
        if (key !== void 0) validPolicyObjects.add(key);
        const earlier = policies.get(r.policy.id);
        if (earlier) diagnostics2.push(duplicate(obj3, `NetworkPolicy ${r.policy.id}`, earlier.source));
        policies.set(r.policy.id, r.policy);
      }
    } else if (WORKLOAD_KINDS.includes(obj3.kind) || isOperatorWorkload(obj3)) {
      const r = once2(obj3, (o) => isOperatorWorkload(o) ? loadOperatorWorkload(o) : loadWorkload(o));
      diagnostics2.push(...r.diagnostics);
      const w = r.workload;
      if (w === void 0) continue;
      let members = owners.get(w.id);
      if (members === void 0) owners.set(w.id, members = { declared: void 0, pods: /* @__PURE__ */ new Map(), at: void 0 });
      if (obj3.kind === "Pod") podsAt ??= index;
      else members.at ??= index;
      if (r.replica && r.podName !== void 0) {
        const earlier = members.pods.get(r.podName);
        if (earlier) diagnostics2.push(duplicate(obj3, `Pod ${w.namespace}/${r.podName}`, earlier.source));
        members.pods.set(r.podName, w);
      } else {
        const earlier = members.declared;
        if (earlier) diagnostics2.push(duplicate(obj3, `${w.kind} ${w.namespace}/${w.name}`, earlier.source));
        members.declared = w;
      }
    } else if (isExposureObject(obj3)) {
      const r = once2(obj3, loadExposureObject);
      diagnostics2.push(...r.diagnostics);
      const loaded = r.loaded;
      if (loaded === void 0) continue;
      const [map, id, what] = loaded.type === "service" ? [services, loaded.value.id, `Service ${loaded.value.id}`] : loaded.type === "route" ? [routes, loaded.value.id, `${loaded.value.kind} ${loaded.value.namespace}/${loaded.value.name}`] : loaded.type === "gateway" ? [gateways, loaded.value.id, `Gateway ${loaded.value.id}`] : [grants, `${loaded.value.namespace}/${loaded.value.name}`, `ReferenceGrant ${loaded.value.namespace}/${loaded.value.name}`];
      const earlier = map.get(id);
      if (earlier) diagnostics2.push(duplicate(obj3, what, earlier.source));
      map.set(id, loaded.value);
    } else if (isAdminPolicyObject(obj3)) {
      const r = once2(obj3, loadAdminPolicy);
      diagnostics2.push(...r.diagnostics);
      if (r.policy) {
        const earlier = adminPolicies.get(r.policy.id);
        if (earlier) diagnostics2.push(duplicate(obj3, `${r.policy.kind} ${r.policy.name}`, earlier.source));
        adminPolicies.set(r.policy.id, r.policy);
        policyObjects.set(r.policy.id, obj3);
      }
    } else if (obj3.kind === "Node" && obj3.apiVersion === "v1") {
      const r = once2(obj3, loadNode);
      diagnostics2.push(...r.diagnostics);
      if (r.node) {
        const earlier = nodes.get(r.node.name);
        if (earlier) diagnostics2.push(duplicate(obj3, `Node ${r.node.name}`, earlier.source));
        nodes.set(r.node.name, r.node);
      }
    } else {
      const unanalyzed = unanalyzedPolicy(obj3);
      if (unanalyzed) {
        diagnostics2.push(unanalyzed);
        unanalyzedObjects.push(obj3);
      }
      skippedKinds.set(obj3.kind, (skippedKinds.get(obj3.kind) ?? 0) + 1);
    }
  }
  const selectors = podSelectors({ policies: [...policies.values()], adminPolicies: [...adminPolicies.values()], services: [...services.values()] });
  const distinguish = others.length === 0 ? selectors : uniqueSelectors([...selectors, ...others]);
  const differ = /* @__PURE__ */ new Set();
  const placed = [...owners.entries()].map(([id, m]) => ({ id, m, at: m.at ?? podsAt ?? 0 })).sort((x, y) => x.at - y.at || compareNames(x.id, y.id));
  for (const { m: members } of placed) {
    const alone = members.pods.size === 0 ? members.declared : members.pods.size === 1 && members.declared === void 0 ? [...members.pods.values()][0] : void 0;
    if (alone) workloads.push(alone);
    else {
      for (const k of replicaKeys(members)) differ.add(k);
      workloads.push(...settleReplicas(members, distinguish));
    }
  }
  for (const name2 of [...workloads.values()].map((w) => w.namespace).concat([...policies.values()].map((p) => p.namespace))) {
    if (!namespaces.has(name2)) namespaces.set(name2, implicitNamespace(name2));
  }
  const cluster = {
    namespaces,
    workloads,
    policies: [...policies.values()],
    adminPolicies: [...adminPolicies.values()],
    nodes: [...nodes.values()],
    services: [...services.values()],
    routes: [...routes.values()],
    gateways: [...gateways.values()],
    referenceGrants: [...grants.values()]
  };
  diagnostics2.push(...adminPriorityTies(cluster.adminPolicies));
  diagnostics2.push(...unselectedPolicies(cluster, skippedKinds, policyObjects));
  for (const f of resolveExposure(cluster).findings) diagnostics2.push(diagnostic(f.severity, f.at.file, f.at, f.message));
  return {
    cluster,
    diagnostics: diagnostics2,
    skippedKinds,
    policyObjects,
    unanalyzed: unanalyzedObjects,
    podSelectors: selectors,
    replicaKeys: differ
  };
}
function duplicate(obj3, what, earlier) {
  const at3 = obj3.locate([]);
  const later = `${obj3.file}:${at3.line}`;
  const before = earlier ? ` (at ${earlier.file}:${earlier.line} and ${later})` : "";
  return diagnostic("warning", obj3.file, at3, `${what} is declared more than once${before}; the later declaration (${later}) is used, as kubectl apply would keep it`);
}

// src/load/documents.ts
var import_yaml5 = __toESM(require_dist(), 1);

// src/load/yaml-locator.ts
var import_yaml2 = __toESM(require_dist(), 1);
function makeLocator(doc, start, at3) {
  return (path17) => {
    let node = doc.contents;
    let offset = start;
    for (const segment of path17) {
      const step2 = child(doc, deref(doc, node), segment);
      if (!step2) break;
      offset = step2.offset ?? offset;
      node = step2.node;
    }
    return at3(offset);
  };
}
function child(doc, node, segment) {
  if ((0, import_yaml2.isMap)(node)) {
    const pair = findPair(doc, node, String(segment), /* @__PURE__ */ new Set());
    return pair && { node: pair.value, offset: startOf(pair.key) ?? startOf(pair.value) };
  }
  if ((0, import_yaml2.isPair)(node)) {
    return keyString(node.key) === String(segment) ? { node: node.value, offset: startOf(node.key) } : void 0;
  }
  if ((0, import_yaml2.isSeq)(node) && typeof segment === "number") {
    const item = node.items[segment];
    return item === void 0 ? void 0 : { node: item, offset: startOf(item) };
  }
  return void 0;
}
function findPair(doc, map, key, seen) {
  seen.add(map);
  for (const pair of map.items) if (!isMergeKey(pair.key) && keyString(pair.key) === key) return pair;
  for (const pair of map.items) {
    if (!isMergeKey(pair.key)) continue;
    const source = deref(doc, pair.value);
    for (const item of (0, import_yaml2.isSeq)(source) ? source.items : [source]) {
      const merged = deref(doc, item);
      if (!(0, import_yaml2.isMap)(merged) || seen.has(merged)) continue;
      const found2 = findPair(doc, merged, key, seen);
      if (found2) return found2;
    }
  }
  return void 0;
}
function deref(doc, node) {
  return (0, import_yaml2.isAlias)(node) ? node.resolve(doc) : node;
}
function isMergeKey(key) {
  return (0, import_yaml2.isScalar)(key) && typeof key.value === "symbol" && key.value.description === "<<";
}
function keyString(key) {
  if (!(0, import_yaml2.isScalar)(key)) return void 0;
  const v = key.value;
  if (v === null || v === void 0) return "";
  return typeof v === "object" || typeof v === "symbol" ? void 0 : String(v);
}
function startOf(node) {
  if ((0, import_yaml2.isPair)(node)) return startOf(node.key) ?? startOf(node.value);
  return (0, import_yaml2.isNode)(node) && node.range ? node.range[0] : void 0;
}

// src/load/yaml-duplicate-keys.ts
var import_yaml3 = __toESM(require_dist(), 1);
function duplicateKeys(doc) {
  const found2 = [];
  const stack = [doc.contents];
  for (let node = stack.pop(); node !== void 0; node = stack.pop()) {
    if ((0, import_yaml3.isPair)(node)) {
      stack.push(node.key, node.value);
      continue;
    }
    if (!(0, import_yaml3.isCollection)(node) || (0, import_yaml3.isAlias)(node)) continue;
    if ((0, import_yaml3.isMap)(node) && node.items.length > 1) {
      const seen = /* @__PURE__ */ new Map();
      for (const pair of node.items) {
        const key = pair.key;
        if (!(0, import_yaml3.isScalar)(key) || typeof key.value === "symbol" || !key.range) continue;
        const name2 = String(key.value ?? "");
        const first = seen.get(name2);
        if (first === void 0) seen.set(name2, key.range[0]);
        else found2.push({ key: name2, offset: key.range[0], firstOffset: first });
      }
    }
    for (const item of node.items) stack.push(item);
  }
  return found2;
}

// src/load/yaml-fast.ts
var import_yaml4 = __toESM(require_dist(), 1);
var UNSUPPORTED_CHARS = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)/;
var MAX_FAST_DEPTH = 64;
var MAX_KEY_LENGTH = 1e3;
var Bail = class {
};
var BAIL = new Bail();
function parseFast(text2, maxDocuments) {
  if (UNSUPPORTED_CHARS.test(text2)) return void 0;
  try {
    return new FastParser(text2, maxDocuments).documents();
  } catch (e) {
    if (e === BAIL) return void 0;
    throw e;
  }
}
function bail() {
  throw BAIL;
}
var SPACE = 32;
var HASH = 35;
var DASH = 45;
var COLON = 58;
var QUOTE = 34;
var APOS = 39;
var FastParser = class {
  constructor(text2, maxDocuments) {
    this.text = text2;
    this.maxDocuments = maxDocuments;
    const t = text2;
    let pos = 0;
    while (pos < t.length) {
      const nl = t.indexOf("\n", pos);
      const next = nl < 0 ? t.length : nl;
      const end = nl > pos && t.charCodeAt(nl - 1) === 13 ? nl - 1 : next;
      this.lineStarts.push(pos);
      this.lineEnds.push(end);
      let i = pos;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      let indent = i - pos;
      if (i === end || t.charCodeAt(i) === HASH) indent = -1;
      else if (i === pos) {
        const c = t.charCodeAt(pos);
        if (c === DASH && t.startsWith("---", pos) && (pos + 3 === end || t.charCodeAt(pos + 3) === SPACE)) indent = -2;
        else if (c === 46 && t.startsWith("...", pos) && (pos + 3 === end || t.charCodeAt(pos + 3) === SPACE)) indent = -3;
        else if (c === 37) indent = -3;
      }
      this.indents.push(indent);
      pos = next + 1;
    }
  }
  text;
  maxDocuments;
  lineStarts = [];
  lineEnds = [];
  /** Indentation of each line; -1 for blank and comment-only lines, -2 for `---`, -3 for `...` and directives. */
  indents = [];
  /** Current line. */
  li = 0;
  depth = 0;
  /** The last value read was empty (see empty()). */
  endsEmpty = false;
  documents() {
    const out = [];
    const n = this.indents.length;
    this.li = this.nextContent(0);
    while (this.li < n) {
      if (out.length >= this.maxDocuments) bail();
      let marker;
      const first = this.li;
      if (this.indents[first] === -3) bail();
      if (this.indents[first] === -2) {
        marker = this.lineStarts[first];
        this.checkRest(first, this.lineStarts[first] + 3);
        this.li = this.nextContent(first + 1);
        if (this.li >= n || this.indents[this.li] < 0) bail();
      }
      const startLine = this.li;
      const indent = this.indents[startLine];
      const start = this.lineStarts[startLine] + indent;
      const value = this.isDashItem(start, startLine) || this.keyEnd(startLine, start) !== void 0 ? this.blockNode(startLine, indent, -1) : bail();
      if (this.li < n && this.indents[this.li] !== -2) bail();
      const end = this.li < n ? this.lineStarts[this.li] : this.text.length;
      if (this.endsEmpty) bail();
      out.push({ index: out.length, value, start, line: startLine + 1, column: indent + 1, span: [marker ?? this.lineStarts[startLine], end] });
    }
    return out;
  }
  /** The first line at or after `from` that has content or is a marker. */
  nextContent(from) {
    let i = from;
    while (i < this.indents.length && this.indents[i] === -1) i++;
    return i;
  }
  /** The indentation of the next content line after the current one; -1 at a marker or the end. */
  peekIndent() {
    return this.li < this.indents.length ? Math.max(this.indents[this.li], -1) : -1;
  }
  /** Only white space and a comment may follow `from` on line `line`. */
  checkRest(line, from) {
    const t = this.text;
    const end = this.lineEnds[line];
    let i = from;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i === end) return;
    if (t.charCodeAt(i) === HASH && i > from) return;
    bail();
  }
  /**
   * A node that starts a line of its own: line `line`, column `col`. `parentIndent` is the
   * indentation of the collection it belongs to (-1 at the root). Leaves `li` at the next content line.
   */
  blockNode(line, col, parentIndent) {
    if (++this.depth > MAX_FAST_DEPTH) bail();
    try {
      const pos = this.lineStarts[line] + col;
      if (this.isDashItem(pos, line)) return this.blockSeq(line, col);
      if (this.keyEnd(line, pos) !== void 0) return this.blockMap(line, col);
      const value = this.inlineValue(line, pos);
      this.li = this.nextContent(line + 1);
      if (this.peekIndent() > parentIndent) bail();
      return value;
    } finally {
      this.depth--;
    }
  }
  isDashItem(pos, line) {
    const t = this.text;
    return t.charCodeAt(pos) === DASH && (pos + 1 === this.lineEnds[line] || t.charCodeAt(pos + 1) === SPACE);
  }
  blockSeq(firstLine2, col) {
    const items = [];
    let line = firstLine2;
    for (; ; ) {
      const dash = this.lineStarts[line] + col;
      items.push(this.afterIndicator(line, dash + 1, col, true));
      const next = this.li;
      if (next >= this.indents.length) return items;
      const indent = this.indents[next];
      if (indent < col) return items;
      if (indent > col) bail();
      if (!this.isDashItem(this.lineStarts[next] + col, next)) return items;
      line = next;
    }
  }
  blockMap(firstLine2, col) {
    const map = {};
    let line = firstLine2;
    for (; ; ) {
      const pos = this.lineStarts[line] + col;
      const colon = this.keyEnd(line, pos);
      if (colon === void 0) bail();
      const key = this.keyString(pos, colon);
      if (Object.hasOwn(map, key)) bail();
      const value = this.afterIndicator(line, colon + 1, col, false);
      if (key in map) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
      else map[key] = value;
      const next = this.li;
      if (next >= this.indents.length) return map;
      const indent = this.indents[next];
      if (indent < col) return map;
      if (indent > col) bail();
      if (this.isDashItem(this.lineStarts[next] + col, next)) bail();
      line = next;
    }
  }
  /**
   * The value after a `- ` or a `key:` on line `line`, from `from`. `indent` is the column of the
   * dash or key. Leaves `li` at the next content line.
   */
  afterIndicator(line, from, indent, inSeq) {
    const t = this.text;
    const end = this.lineEnds[line];
    let i = from;
    while (i < end && t.charCodeAt(i) === SPACE) i++;
    if (i === end || t.charCodeAt(i) === HASH && i > from) {
      this.li = this.nextContent(line + 1);
      const next = this.li;
      if (next >= this.indents.length || this.indents[next] < 0) return this.empty();
      const n = this.indents[next];
      if (n > indent) return this.blockNode(next, n, indent);
      if (!inSeq && n === indent && this.isDashItem(this.lineStarts[next] + n, next)) {
        if (++this.depth > MAX_FAST_DEPTH) bail();
        try {
          return this.blockSeq(next, n);
        } finally {
          this.depth--;
        }
      }
      return this.empty();
    }
    if (i === from) bail();
    const col = i - this.lineStarts[line];
    if (inSeq) {
      if (this.isDashItem(i, line) || this.keyEnd(line, i) !== void 0) return this.blockNode(line, col, indent);
    } else if (this.isDashItem(i, line) || this.keyEnd(line, i) !== void 0) bail();
    const c = t.charCodeAt(i);
    if (c === 124 || c === 62) return this.blockScalar(line, i, indent);
    const value = this.inlineValue(line, i);
    this.li = this.nextContent(line + 1);
    if (this.peekIndent() > indent) bail();
    return value;
  }
  /**
   * If a mapping key starts at `pos`: the offset of its `:`. Plain keys (no indicators, no flow
   * characters) and single-line quoted keys only.
   */
  keyEnd(line, pos) {
    const t = this.text;
    const end = this.lineEnds[line];
    const c = t.charCodeAt(pos);
    if (c === QUOTE || c === APOS) {
      const close = this.quoteEnd(pos, end);
      if (close === void 0) return void 0;
      return t.charCodeAt(close + 1) === COLON && (close + 2 === end || t.charCodeAt(close + 2) === SPACE) ? close + 1 : void 0;
    }
    if (!this.plainStart(pos, end)) return void 0;
    for (let i = pos; i < end; i++) {
      const d = t.charCodeAt(i);
      if (d === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) return i;
      if (d === HASH && t.charCodeAt(i - 1) === SPACE) return void 0;
    }
    return void 0;
  }
  keyString(pos, colon) {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (colon - pos > MAX_KEY_LENGTH) bail();
    if (c === QUOTE || c === APOS) return this.quoted(pos, colon - 1);
    const raw = t.slice(pos, colon).trimEnd();
    if (/[[\]{},]/.test(raw) || raw === "<<") bail();
    const v = resolvePlain(raw);
    if (v === null) return "";
    if (typeof v === "object") bail();
    return String(v);
  }
  /** Where a plain scalar may start: no indicator, except `-`, `?`, `:` before a non-space. */
  plainStart(pos, end) {
    const t = this.text;
    const c = t[pos];
    if (c === void 0 || pos >= end) return false;
    if ("-?:".includes(c)) return pos + 1 < end && t.charCodeAt(pos + 1) !== SPACE;
    return !",[]{}#&*!|>'\"%@`".includes(c);
  }
  /**
   * An empty value (`key:` with nothing below). Where it ends a document, the Document's range
   * ends in ways that depend on the blank lines and comments after it: the full path tells.
   */
  empty() {
    this.endsEmpty = true;
    return null;
  }
  /**
   * A literal (`|`) or folded (`>`) block scalar whose header is at `pos`, in a collection indented
   * `parentIndent`: clip and strip chomping, indentation found from the first line. Its value is
   * computed as yaml's resolveBlockScalar does; the cases where that reports an error, and the
   * rarer ones (keep chomping, indentation indicators, more-indented leading or trailing blank
   * lines, no content), take the full path. Leaves `li` at the next content line.
   */
  blockScalar(line, pos, parentIndent) {
    const t = this.text;
    const header = /^([|>])(-?)( +#.*| *)$/.exec(t.slice(pos, this.lineEnds[line]));
    if (!header) bail();
    const folded = header[1] === ">";
    const lines = [];
    let next = line + 1;
    for (; next < this.lineStarts.length; next++) {
      const start = this.lineStarts[next];
      const end = this.lineEnds[next];
      let i = start;
      while (i < end && t.charCodeAt(i) === SPACE) i++;
      if (i < end && i - start <= parentIndent) break;
      lines.push([i - start, t.slice(i, end)]);
    }
    let chompStart = lines.length;
    while (chompStart > 0 && lines[chompStart - 1][1] === "") chompStart--;
    const contentStart = lines.findIndex(([, content2]) => content2 !== "");
    if (contentStart < 0) bail();
    const trimIndent = lines[contentStart][0];
    for (let k = 0; k < lines.length; k++) {
      const [indent, content2] = lines[k];
      if (content2 === "" ? indent > trimIndent && (k < contentStart || k >= chompStart) : indent < trimIndent) bail();
    }
    let value = "\n".repeat(contentStart);
    let sep7 = "";
    let prevMoreIndented = false;
    for (let k = contentStart; k < chompStart; k++) {
      const [indent, content2] = lines[k];
      const more = " ".repeat(Math.max(0, indent - trimIndent));
      if (!folded) {
        value += sep7 + more + content2;
        sep7 = "\n";
      } else if (indent > trimIndent) {
        if (sep7 === " ") sep7 = "\n";
        else if (!prevMoreIndented && sep7 === "\n") sep7 = "\n\n";
        value += sep7 + more + content2;
        sep7 = "\n";
        prevMoreIndented = true;
      } else if (content2 === "") {
        if (sep7 === "\n") value += "\n";
        else sep7 = "\n";
      } else {
        value += sep7 + content2;
        sep7 = " ";
        prevMoreIndented = false;
      }
    }
    if (header[2] !== "-") value += "\n";
    this.li = this.nextContent(next);
    this.endsEmpty = false;
    return value;
  }
  /** A single-line plain, quoted or flow value from `pos`, with only a comment after it. */
  inlineValue(line, pos) {
    this.endsEmpty = false;
    const t = this.text;
    const end = this.lineEnds[line];
    const c = t.charCodeAt(pos);
    if (c === QUOTE || c === APOS) {
      const close = this.quoteEnd(pos, end);
      if (close === void 0) bail();
      const v = this.quoted(pos, close);
      this.checkRest(line, close + 1);
      return v;
    }
    if (c === 91 || c === 123) {
      const r = this.flow(pos, end, 0);
      this.checkRest(line, r.end);
      return r.value;
    }
    if (!this.plainStart(pos, end)) bail();
    let i = pos;
    let stop = end;
    for (; i < end; i++) {
      const d = t.charCodeAt(i);
      if (d === HASH && t.charCodeAt(i - 1) === SPACE) {
        stop = i;
        break;
      }
      if (d === COLON && (i + 1 === end || t.charCodeAt(i + 1) === SPACE)) bail();
    }
    return resolvePlain(t.slice(pos, stop).trimEnd());
  }
  /** Offset of the closing quote of the single-line quoted scalar at `pos`; undefined for escapes. */
  quoteEnd(pos, end) {
    const t = this.text;
    const q = t.charCodeAt(pos);
    for (let i = pos + 1; i < end; i++) {
      const d = t.charCodeAt(i);
      if (q === QUOTE && d === 92) bail();
      if (d === q) {
        if (q === APOS && t.charCodeAt(i + 1) === APOS) {
          i++;
          continue;
        }
        return i;
      }
    }
    return void 0;
  }
  quoted(pos, close) {
    const inner = this.text.slice(pos + 1, close);
    return this.text.charCodeAt(pos) === APOS ? inner.replaceAll("''", "'") : inner;
  }
  /** A flow collection on one line: `[a, b]`, `{a: b}`, nested, with plain and quoted scalars. */
  flow(pos, end, depth) {
    if (depth + this.depth > MAX_FAST_DEPTH) bail();
    const t = this.text;
    const open = t.charCodeAt(pos);
    const close = open === 91 ? 93 : 125;
    const isMap5 = open === 123;
    const items = [];
    const map = {};
    let i = pos + 1;
    const skip = () => {
      while (i < end && t.charCodeAt(i) === SPACE) i++;
    };
    skip();
    if (t.charCodeAt(i) === close) return { value: isMap5 ? map : items, end: i + 1 };
    for (; ; ) {
      skip();
      let key;
      if (isMap5) {
        const k = this.flowScalar(i, end, true);
        if (typeof k.value === "object" && k.value !== null) bail();
        key = k.value === null ? "" : String(k.value);
        i = k.end;
        if (t.charCodeAt(i) !== COLON || t.charCodeAt(i + 1) !== SPACE) bail();
        i += 2;
        skip();
        if (Object.hasOwn(map, key)) bail();
      }
      const c = t.charCodeAt(i);
      let value;
      if (c === 91 || c === 123) {
        const r = this.flow(i, end, depth + 1);
        value = r.value;
        i = r.end;
      } else {
        const r = this.flowScalar(i, end, false);
        value = r.value;
        i = r.end;
      }
      if (isMap5) {
        if (key in map) Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
        else map[key] = value;
      } else items.push(value);
      skip();
      const d = t.charCodeAt(i);
      if (d === close) return { value: isMap5 ? map : items, end: i + 1 };
      if (d !== 44) bail();
      i++;
      skip();
      if (t.charCodeAt(i) === close || t.charCodeAt(i) === 44) bail();
    }
  }
  /** A scalar inside a flow collection: quoted, or plain without `:`, `#` and flow indicators. */
  flowScalar(pos, end, isKey) {
    const t = this.text;
    const c = t.charCodeAt(pos);
    if (c === QUOTE || c === APOS) {
      const close = this.quoteEnd(pos, end);
      if (close === void 0) bail();
      return { value: this.quoted(pos, close), end: close + 1 };
    }
    if (!this.plainStart(pos, end) || c === DASH || c === 63 || c === COLON) bail();
    let i = pos;
    while (i < end) {
      const d = t[i];
      if (d === "," || d === "]" || d === "}" || d === "[" || d === "{") break;
      if (d === ":") {
        if (isKey && t.charCodeAt(i + 1) === SPACE) break;
        bail();
      }
      if (d === "#" || d === '"' || d === "'") bail();
      i++;
    }
    const raw = t.slice(pos, i).trimEnd();
    if (raw === "" || raw === "<<") bail();
    return { value: resolvePlain(raw), end: pos + raw.length };
  }
};
var resolver;
var schemaOptions;
var resolved = /* @__PURE__ */ new Map();
var MAX_MEMO = 1e5;
function useSchema(options) {
  schemaOptions = options;
  resolver = void 0;
  resolved = /* @__PURE__ */ new Map();
}
var MAY_RESOLVE = new Set("-+.0123456789~yYnNtTfFoOeE");
function resolvePlain(raw) {
  if (raw !== "" && !MAY_RESOLVE.has(raw[0])) return raw;
  const memo3 = resolved.get(raw);
  if (memo3 !== void 0 || resolved.has(raw)) return memo3;
  const value = resolveUncached(raw);
  if (resolved.size >= MAX_MEMO) resolved = /* @__PURE__ */ new Map();
  resolved.set(raw, value);
  return value;
}
function resolveUncached(raw) {
  if (schemaOptions === void 0) bail();
  if (resolver === void 0) {
    const doc = new import_yaml4.Document(void 0, schemaOptions);
    resolver = { schema: doc.schema, options: doc.options };
  }
  const tag = resolver.schema.tags.find((t) => t.default === true && t.test?.test(raw));
  if (tag === void 0) return raw;
  let failed2 = false;
  const res = tag.resolve(raw, () => failed2 = true, resolver.options);
  if (failed2) bail();
  const v = (0, import_yaml4.isScalar)(res) ? res.value : res;
  if (typeof v === "bigint" || typeof v === "object" && v !== null) bail();
  return v;
}

// src/load/yaml-leniency.ts
function normalizeLineBreaks(text2) {
  return text2.includes("\r") ? text2.replace(/\r(?!\n)/g, "\n") : text2;
}
function repairForYaml(original) {
  const edits = scan(original);
  if (edits.length === 0) return void 0;
  return applyEdits(original, edits);
}
function applyEdits(original, edits) {
  let out = "";
  let from = 0;
  const newStarts = [];
  const origStarts = [];
  const shifts = [];
  let shift = 0;
  for (const e of edits) {
    out += original.slice(from, e.at);
    newStarts.push(e.at + shift);
    origStarts.push(e.at);
    out += e.inserted;
    shift += e.inserted.length - e.removed;
    shifts.push(shift);
    from = e.at + e.removed;
  }
  out += original.slice(from);
  const toOriginal = (offset) => {
    let lo = 0;
    let hi = newStarts.length - 1;
    let k = -1;
    while (lo <= hi) {
      const mid = lo + hi >> 1;
      if (newStarts[mid] <= offset) {
        k = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (k < 0) return offset;
    const edit = edits[k];
    const insertedEnd = newStarts[k] + edit.inserted.length;
    if (offset < insertedEnd) return origStarts[k] + Math.min(offset - newStarts[k], Math.max(edit.removed - 1, 0));
    return offset - shifts[k];
  };
  return { text: out, toOriginal };
}
var isBlank = (c) => c === " " || c === "	";
var isBreakOrEnd = (c) => c === void 0 || c === "\n" || c === "\r";
var isSpaceOrEnd = (c) => isBlank(c) || isBreakOrEnd(c);
function scan(text2) {
  const edits = [];
  let flowDepth = 0;
  let quote;
  let need = 0;
  let blockScalarParent;
  let pos = 0;
  while (pos < text2.length) {
    const lineStart = pos;
    let lineEnd = text2.indexOf("\n", pos);
    if (lineEnd < 0) lineEnd = text2.length;
    pos = lineEnd + 1;
    let i = lineStart;
    while (i < lineEnd && isBlank(text2[i])) i++;
    const contentStart = i;
    const blankLine = contentStart >= lineEnd || text2[contentStart] === "\r";
    if (blockScalarParent !== void 0) {
      let spaces = 0;
      while (text2[lineStart + spaces] === " ") spaces++;
      if (blankLine || spaces > blockScalarParent) continue;
      blockScalarParent = void 0;
    }
    if (lineStart === contentStart && /^(---|\.\.\.)(?=[ \t\r\n]|$)/.test(text2.slice(lineStart, lineStart + 4))) {
      flowDepth = 0;
      quote = void 0;
      continue;
    }
    if (lineStart === contentStart && flowDepth === 0 && quote === void 0 && text2[lineStart] === "%") continue;
    if ((flowDepth > 0 || quote !== void 0) && !blankLine) {
      const leading = text2.slice(lineStart, contentStart);
      if (leading.includes("	") || leading.length < need) {
        edits.push({ at: lineStart, removed: leading.length, inserted: " ".repeat(Math.max(need, leading.replace(/\t/g, "").length)) });
      }
    }
    let tokenStart = flowDepth === 0 && quote === void 0;
    let keyColumn = contentStart - lineStart;
    i = contentStart;
    while (i < lineEnd) {
      const c = text2[i];
      if (quote !== void 0) {
        if (quote === '"' && c === "\\") {
          i += 2;
          continue;
        }
        if (c === quote) {
          if (quote === "'" && text2[i + 1] === "'") {
            i += 2;
            continue;
          }
          quote = void 0;
          i++;
          if (text2[i] === "#") edits.push({ at: i, removed: 0, inserted: " " });
          tokenStart = false;
          continue;
        }
        i++;
        continue;
      }
      if (c === " " || c === "	" || c === "\r") {
        i++;
        continue;
      }
      if (c === "#" && (i === lineStart || isBlank(text2[i - 1]))) break;
      if (flowDepth > 0) {
        if (c === "[" || c === "{") {
          flowDepth++;
          i++;
        } else if (c === "]" || c === "}" || c === ",") {
          if (c !== ",") flowDepth--;
          i++;
          if (text2[i] === "#") edits.push({ at: i, removed: 0, inserted: " " });
          if (flowDepth === 0) tokenStart = false;
        } else if (c === '"' || c === "'") {
          startQuote(c, i);
          i++;
        } else {
          i++;
          while (i < lineEnd && !"[]{},".includes(text2[i]) && !(text2[i] === "#" && isBlank(text2[i - 1]))) {
            if (text2[i] === '"' || text2[i] === "'") {
              if (isBlank(text2[i - 1]) && /[:\[{,]\s*$/.test(text2.slice(Math.max(lineStart, i - 4), i))) break;
            }
            i++;
          }
        }
        continue;
      }
      if (c === "-" || c === "?" || c === ":") {
        if (isSpaceOrEnd(text2[i + 1])) {
          if (c !== ":") keyColumn = i - lineStart;
          i++;
          tokenStart = true;
          continue;
        }
      }
      if (tokenStart) {
        if (c === "[" || c === "{") {
          if (flowDepth === 0) need = i - lineStart;
          flowDepth = 1;
          i++;
          continue;
        }
        if (c === '"' || c === "'") {
          startQuote(c, i);
          i++;
          continue;
        }
        if (c === "|" || c === ">") {
          const rest = text2.slice(i + 1, lineEnd);
          if (/^[-+0-9]*\s*(#.*)?\r?$/.test(rest)) {
            blockScalarParent = keyColumn;
            break;
          }
        }
        if (c === "&" || c === "!") {
          while (i < lineEnd && !isBlank(text2[i])) i++;
          continue;
        }
      }
      const start = i;
      while (i < lineEnd) {
        const d = text2[i];
        if (d === ":" && isSpaceOrEnd(text2[i + 1])) break;
        if (d === "#" && isBlank(text2[i - 1])) break;
        i++;
      }
      if (text2[i] === ":") keyColumn = start - lineStart;
      tokenStart = false;
    }
  }
  return edits;
  function startQuote(c, at3) {
    if (flowDepth === 0) {
      let lineStart = at3;
      while (lineStart > 0 && text2[lineStart - 1] !== "\n") lineStart--;
      need = at3 - lineStart;
    }
    quote = c;
  }
}

// src/load/documents.ts
var defaultDocumentLimits = { maxDocuments: 1e5, maxAliasCount: 100, maxDepth: 200 };
var dropTimeTags = (tags) => tags.filter((t) => typeof t === "string" || !(t.tag === "tag:yaml.org,2002:timestamp" || t.format === "TIME"));
var composerOptions = { version: "1.1", customTags: dropTimeTags, logLevel: "error", uniqueKeys: false };
useSchema(composerOptions);
function parseDocuments(file, limits = {}) {
  const lim = { ...defaultDocumentLimits, ...limits };
  return parseJson(file, lim) ?? parseYaml(file, lim);
}
function parseJson(file, lim) {
  const start = file.text.search(/\S/);
  if (start < 0 || file.text[start] !== "{" && file.text[start] !== "[") return void 0;
  let value;
  try {
    value = JSON.parse(file.text);
  } catch {
    return void 0;
  }
  if (deeperThan(value, lim.maxDepth)) return void 0;
  let located;
  const locate = (path17) => {
    located ??= parseYamlFull(file, lim).docs[0]?.locate ?? (() => ({ line: 1, column: 1 }));
    return located(path17);
  };
  const line = file.text.slice(0, start).split("\n").length;
  return { docs: [{ index: 0, value, locate, line, span: [0, file.text.length] }], diagnostics: [] };
}
function deeperThan(value, max) {
  const stack = [[value, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [v, depth] = top;
    if (typeof v !== "object" || v === null) continue;
    if (depth >= max) return true;
    for (const child3 of Object.values(v)) stack.push([child3, depth + 1]);
  }
  return false;
}
function parseYaml(file, lim) {
  const text2 = normalizeLineBreaks(file.text);
  const fast = parseFast(text2, lim.maxDocuments);
  return fast ? fastDocuments(file, lim, text2, fast) : parseYamlFull(file, lim);
}
function fastDocuments(file, lim, text2, fast) {
  let at3;
  const docs = fast.map((d) => {
    const top = { line: d.line, column: d.column };
    let located;
    const locate = (path17) => {
      if (path17.length === 0) return top;
      if (located === void 0) {
        at3 ??= positionsIn(text2);
        const [from, to] = d.span;
        const parsed = parseText(file.path, text2.slice(from, to), lim, (offset) => at3(from + offset));
        located = parsed.results[0]?.doc?.locate ?? (() => top);
      }
      return located(path17);
    };
    return { index: d.index, value: d.value, locate, line: d.line, span: d.span };
  });
  return { docs, diagnostics: [] };
}
function positionsIn(text2) {
  const lineCounter = new import_yaml5.LineCounter();
  lineCounter.addNewLine(0);
  for (let i = text2.indexOf("\n"); i >= 0; i = text2.indexOf("\n", i + 1)) lineCounter.addNewLine(i + 1);
  const lastChar = Math.max(0, text2.trimEnd().length - 1);
  return (offset) => {
    const { line, col } = lineCounter.linePos(Math.min(offset, lastChar));
    return { line, column: col };
  };
}
function parseYamlFull(file, lim) {
  const text2 = normalizeLineBreaks(file.text);
  const at3 = positionsIn(text2);
  const strict = parseText(file.path, text2, lim, at3);
  if (!strict.results.some((r) => r.syntaxError)) return flatten(strict);
  const repaired = repairForYaml(text2);
  if (!repaired) return flatten(strict);
  const second = parseText(file.path, repaired.text, lim, (offset) => at3(repaired.toOriginal(offset)), repaired.toOriginal);
  const byIndex = new Map(second.results.map((r) => [r.index, r]));
  const results = strict.results.map((r) => {
    const other = r.syntaxError ? byIndex.get(r.index) : void 0;
    return other && (other.doc || !other.syntaxError) ? other : r;
  });
  return flatten({ results, diagnostics: strict.diagnostics });
}
function flatten(parse3) {
  const docs = [];
  const diagnostics2 = [...parse3.diagnostics];
  for (const r of parse3.results) {
    if (r.doc) docs.push(r.doc);
    diagnostics2.push(...r.diagnostics);
  }
  return { docs, diagnostics: diagnostics2 };
}
function parseText(path17, text2, lim, at3, toOriginal = (offset) => offset) {
  const results = [];
  const diagnostics2 = [];
  const report = (severity, offset, message) => diagnostics2.push(diagnostic(severity, path17, at3(offset), message));
  const parser = new import_yaml5.Parser();
  const composer = new import_yaml5.Composer(composerOptions);
  const pendingIndexes = [];
  const accept = (doc) => {
    const index = pendingIndexes.shift() ?? -1;
    results.push(finishDocument(path17, doc, index, lim, at3, toOriginal));
  };
  let count = 0;
  for (const token of parser.parse(text2)) {
    if (token.type === "document") {
      if (count === lim.maxDocuments) {
        report("error", token.offset, `file has more than ${lim.maxDocuments} YAML documents; the rest of the file is skipped`);
        break;
      }
      const index = count++;
      const deep = tooDeepToken(token, lim.maxDepth);
      if (deep) {
        report("error", deep.offset, `document nests deeper than ${lim.maxDepth} levels; the document is skipped`);
        continue;
      }
      pendingIndexes.push(index);
    }
    for (const doc of composer.next(token)) accept(doc);
  }
  for (const doc of composer.end()) accept(doc);
  for (const err of composer.streamInfo().errors) report("error", Math.max(err.pos[0], 0), syntaxMessage(err, 0));
  return { results, diagnostics: diagnostics2 };
}
function finishDocument(path17, doc, index, lim, at3, toOriginal) {
  const diagnostics2 = [];
  const report = (severity, offset, message) => diagnostics2.push(diagnostic(severity, path17, at3(offset), message));
  const rejected = (syntaxError = false) => ({ index, doc: void 0, diagnostics: diagnostics2, syntaxError });
  const start = (0, import_yaml5.isNode)(doc.contents) && doc.contents.range ? doc.contents.range[0] : doc.range[0];
  const first = doc.errors[0];
  if (first) {
    report("error", first.pos[0] >= 0 ? first.pos[0] : start, syntaxMessage(first, doc.errors.length - 1));
    return rejected(true);
  }
  for (const w of doc.warnings) report("warning", w.pos[0] >= 0 ? w.pos[0] : start, `YAML warning: ${firstLine(w.message)}`);
  for (const dup of duplicateKeys(doc)) {
    report(
      "warning",
      dup.offset,
      `duplicate key \`${dup.key}\` (also at line ${at3(dup.firstOffset).line}): kubectl keeps this later value and drops the earlier one`
    );
  }
  let value;
  try {
    value = doc.toJS({ maxAliasCount: lim.maxAliasCount });
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    report(
      "error",
      start,
      /alias count/i.test(msg) ? `YAML aliases expand too often (more than ${lim.maxAliasCount} uses of an anchor; an alias bomb?); the document is skipped` : `YAML error: ${firstLine(msg)}; the document is skipped`
    );
    return rejected();
  }
  if (value === null || value === void 0) return rejected();
  const shape = checkShape(value, lim.maxDepth);
  if (shape === "cycle") {
    report("error", start, "YAML alias is used inside its own anchor (a recursive structure); the document is skipped");
    return rejected();
  }
  if (shape === "too-deep") {
    report("error", start, `document nests deeper than ${lim.maxDepth} levels (through aliases); the document is skipped`);
    return rejected();
  }
  const locate = makeLocator(doc, start, at3);
  const span = [toOriginal(doc.range[0]), toOriginal(doc.range[2])];
  return { index, doc: { index, value, locate, line: at3(start).line, span }, diagnostics: diagnostics2, syntaxError: false };
}
function firstLine(message) {
  return message.split("\n", 1)[0].trim();
}
function syntaxMessage(err, more) {
  const extra = more > 0 ? ` (and ${more} more ${more === 1 ? "error" : "errors"})` : "";
  return `YAML syntax error: ${firstLine(err.message)}${extra}; the document is skipped`;
}
function tooDeepToken(root, maxDepth) {
  const stack = root.value ? [[root.value, 0]] : [];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [token, depth] = top;
    if (token.type !== "block-map" && token.type !== "block-seq" && token.type !== "flow-collection") continue;
    if (depth + 1 > maxDepth) return token;
    for (const item of token.items) {
      if (item.key) stack.push([item.key, depth + 1]);
      if (item.value) stack.push([item.value, depth + 1]);
    }
  }
  return void 0;
}
function checkShape(value, maxDepth) {
  if (typeof value !== "object" || value === null) return void 0;
  const height = /* @__PURE__ */ new Map();
  const onPath = /* @__PURE__ */ new Set();
  const stack = [{ node: value, children: Object.values(value), next: 0, below: 0 }];
  onPath.add(value);
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.next < top.children.length) {
      const child3 = top.children[top.next++];
      if (typeof child3 !== "object" || child3 === null) continue;
      if (onPath.has(child3)) return "cycle";
      const h = height.get(child3);
      if (h !== void 0) {
        if (stack.length + h > maxDepth) return "too-deep";
        top.below = Math.max(top.below, h);
        continue;
      }
      if (stack.length + 1 > maxDepth) return "too-deep";
      onPath.add(child3);
      stack.push({ node: child3, children: Object.values(child3), next: 0, below: 0 });
    } else {
      stack.pop();
      onPath.delete(top.node);
      const h = top.below + 1;
      height.set(top.node, h);
      const parent = stack[stack.length - 1];
      if (parent) parent.below = Math.max(parent.below, h);
    }
  }
  return void 0;
}

// src/load/helm-charts.ts
function setAsideChartTemplates(files) {
  const roots = files.filter((f) => f.path === "Chart.yaml" || f.path.endsWith("/Chart.yaml")).map((f) => f.path.slice(0, -"Chart.yaml".length));
  if (roots.length === 0) return { manifests: files, diagnostics: [] };
  const perChart = /* @__PURE__ */ new Map();
  const manifests = files.filter((f) => {
    const root = roots.find((r) => f.path.startsWith(`${r}templates/`) || f.path.startsWith(`${r}charts/`));
    if (root === void 0) return true;
    perChart.set(root, (perChart.get(root) ?? 0) + 1);
    return false;
  });
  const diagnostics2 = [...perChart].map(
    ([root, n]) => diagnostic("note", `${root}Chart.yaml`, { line: 1, column: 1 }, `Helm chart: ${n} template file${n === 1 ? "" : "s"} not analyzed (read as plain files here; the chart is rendered when it is a target, see README "Targets")`)
  );
  return { manifests, diagnostics: diagnostics2 };
}

// src/load/kustomize-patches.ts
function patchFiles(objects) {
  const out = /* @__PURE__ */ new Set();
  for (const k of objects) {
    if (k.kind !== "Kustomization" || !k.apiVersion.startsWith("kustomize.config.k8s.io/")) continue;
    const dir = k.file.includes("/") ? k.file.slice(0, k.file.lastIndexOf("/") + 1) : "";
    const paths = [];
    for (const field of ["patchesStrategicMerge", "patches", "patchesJson6902"]) {
      const list6 = k.body[field];
      if (!Array.isArray(list6)) continue;
      for (const item of list6) paths.push(isPlainObject(item) ? item["path"] : item);
    }
    for (const p of paths) if (typeof p === "string" && !p.includes("\n")) out.add(normalize2(dir + p));
  }
  return out;
}
function patchNote(obj3) {
  return diagnostic("note", obj3.file, obj3.locate([]), `${obj3.kind} in a Kustomize patch is not analyzed (a fragment, not a whole object; the kustomization is built when it is a target, see README "Targets")`);
}
function normalize2(path17) {
  const out = [];
  for (const part of path17.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}

// src/load/namespace-option.ts
var DEFAULT_NAMESPACE = "default";
function namespaceOption(given) {
  return given === void 0 ? { name: DEFAULT_NAMESPACE, explicit: false } : { name: given, explicit: true };
}
var NAMESPACED = /* @__PURE__ */ new Set(["NetworkPolicy", ...WORKLOAD_KINDS, ...EXPOSURE_KINDS]);
function placeInNamespace(objects, option) {
  const kept = [];
  const diagnostics2 = [];
  let withoutNamespace = 0;
  for (const obj3 of objects) {
    if (!NAMESPACED.has(obj3.kind) && !isOperatorWorkload(obj3)) {
      kept.push(obj3);
      continue;
    }
    const meta = obj3.body["metadata"];
    const ns = isPlainObject(meta) ? meta["namespace"] : void 0;
    if (ns === void 0 || ns === null) {
      withoutNamespace++;
      kept.push(obj3);
    } else if (option.explicit && typeof ns === "string" && ns !== option.name) {
      const c = new Checker(obj3, `${obj3.kind} ${objectMeta(obj3).display}`);
      c.error(
        ["metadata", "namespace"],
        `the namespace from the provided object ${quoted(ns)} does not match the namespace ${quoted(option.name)} given with --namespace; kubectl apply refuses such an object, so it is left out (kubectl: pass --namespace ${quoted(ns)} to apply it)`
      );
      diagnostics2.push(...c.diagnostics);
    } else {
      kept.push(obj3);
    }
  }
  return { objects: kept, diagnostics: diagnostics2, withoutNamespace };
}

// src/load/objects.ts
function extractObjects(file, docs, defaultNamespace = "default") {
  const objects = [];
  const skipped = [];
  const diagnostics2 = [];
  const notAnObject = (locate) => {
    const pos = locate([]);
    skipped.push({ file: file.path, line: pos.line, reason: "not-a-manifest" });
    diagnostics2.push(diagnostic("note", file.path, pos, "not a Kubernetes object (no kind/apiVersion); skipped"));
  };
  const take = (body, kind, apiVersion, locate, doc, ownText, ownLine) => {
    const items = body.items;
    if (kind.endsWith("List") && Array.isArray(items)) {
      const itemKind = kind === "List" ? void 0 : kind.slice(0, -"List".length);
      const itemApiVersion = kind === "List" ? void 0 : apiVersion;
      items.forEach((item, i) => {
        const itemLocate = prefixed(locate, ["items", i]);
        if (!isRecord(item)) return notAnObject(itemLocate);
        const k = typeof item.kind === "string" ? item.kind : itemKind;
        const v = typeof item.apiVersion === "string" ? item.apiVersion : itemApiVersion;
        if (k === void 0 || v === void 0) return notAnObject(itemLocate);
        const itemBody = item.kind === k && item.apiVersion === v ? item : { ...item, apiVersion: v, kind: k };
        take(itemBody, k, v, itemLocate, doc, () => itemLines(doc, locate, i, items.length), () => itemLocate([]).line);
      });
      return;
    }
    let own;
    let ownAt;
    objects.push({
      file: file.path,
      kind,
      apiVersion,
      body,
      locate,
      text: doc.text,
      // Lazy: locating an item in a JSON dump costs a YAML parse, needed only when its List changed.
      get ownText() {
        return own ??= ownText();
      },
      get ownLine() {
        return ownAt ??= ownLine();
      },
      defaultNamespace
    });
  };
  let breaks;
  for (const [k, doc] of docs.entries()) {
    const v = doc.value;
    if (isRecord(v) && typeof v.kind === "string" && typeof v.apiVersion === "string") {
      const text2 = file.text.slice(doc.span[0], doc.span[1]);
      const start = doc.span[0];
      const ownStart = k === 0 && start > 0 && LEADING_ONLY.test(file.text.slice(0, start)) ? 0 : start;
      let firstLine2;
      const docText = {
        text: text2,
        // Only Lists need it: counted on demand, from one index of the file's line breaks.
        get firstLine() {
          breaks ??= lineBreakCounter(file.text);
          return firstLine2 ??= breaks(start) + 1;
        }
      };
      take(
        v,
        v.kind,
        v.apiVersion,
        doc.locate,
        docText,
        () => ownStart === start ? text2 : file.text.slice(ownStart, doc.span[1]),
        () => {
          breaks ??= lineBreakCounter(file.text);
          return breaks(ownStart) + 1;
        }
      );
    } else notAnObject(doc.locate);
  }
  return { objects, skipped, diagnostics: diagnostics2 };
}
var LINE_BREAK = /\r\n|\r|\n/;
var LEADING_ONLY = /^(?:[ \t]*(?:#[^\r\n]*)?(?:\r\n|\r|\n)|---[ \t]*(?:\r\n|\r|\n))*$/;
function lineBreakCounter(text2) {
  const ends = [];
  for (const m of text2.matchAll(/\r\n|\r|\n/g)) ends.push(m.index + m[0].length);
  return (offset) => {
    let lo = 0;
    let hi = ends.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (ends[mid] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + (text2[offset - 1] === "\r" && text2[offset] === "\n" ? 1 : 0);
  };
}
function itemLines(doc, listLocate, i, count) {
  const lines = doc.text.split(LINE_BREAK);
  const from = listLocate(["items", i]).line - doc.firstLine;
  const to = i + 1 < count ? listLocate(["items", i + 1]).line - doc.firstLine : lines.length;
  return lines.slice(from, Math.max(to, from + 1)).join("\n");
}
function isRecord(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function prefixed(locate, prefix) {
  return (path17) => locate([...prefix, ...path17]);
}

// src/load/load-sources.ts
function readFile(file, defaultNamespace, cache) {
  const hit = cache?.get(file.path);
  if (hit && hit.text === file.text && sameLines(hit.lines, file.lines)) return hit;
  const parsed = parseDocuments(file);
  const extracted = extractObjects(file, parsed.docs, defaultNamespace);
  const lines = file.lines;
  const read2 = {
    text: file.text,
    lines,
    diagnostics: lines === void 0 ? [...parsed.diagnostics, ...extracted.diagnostics] : [...parsed.diagnostics, ...extracted.diagnostics].map((d) => ({ ...d, line: writtenLine(lines, d.line) })),
    objects: lines === void 0 ? extracted.objects : extracted.objects.map((o) => atWrittenLines(o, lines)),
    skipped: extracted.skipped.length
  };
  cache?.set(file.path, read2);
  return read2;
}
function sameLines(a, b) {
  if (a === b) return true;
  if (a === void 0 || b === void 0 || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function loadRevisions(base2, head, namespace = namespaceOption(void 0), limits = defaultInputLimits) {
  const cache = { files: /* @__PURE__ */ new Map(), loaded: /* @__PURE__ */ new WeakMap() };
  const where = ["in the base revision", "in the head revision"];
  const sides = [base2, head].map((files, i) => loadSources(files, namespace, { cache, limits, where: where[i] }));
  const keys2 = sides.map((l) => new Set(l.podSelectors.map(selectorKey)));
  return sides.map((l, i) => {
    const other = sides[1 - i];
    const matters = (s) => !keys2[i].has(selectorKey(s)) && s.requirements.some((q) => l.replicaKeys.has(q.key));
    if (!other.podSelectors.some(matters)) return l;
    return loadSources([base2, head][i], namespace, { cache, limits, where: where[i], others: other.podSelectors });
  });
}
function loadSources(all, namespace = namespaceOption(void 0), options = {}) {
  const { cache, limits = defaultInputLimits, where = "", others = [] } = options;
  const rendered = all.filter((f) => f.lines !== void 0);
  const charts = setAsideChartTemplates(all.filter((f) => f.lines === void 0));
  const files = [...charts.manifests, ...rendered];
  const renderedPaths = new Set(rendered.map((f) => f.path));
  const diagnostics2 = [...charts.diagnostics];
  const objects = [];
  let skippedDocs = 0;
  for (const file of files) {
    const read2 = readFile(file, namespace.name, cache?.files);
    for (const d of read2.diagnostics) diagnostics2.push(d);
    for (const o of read2.objects) objects.push(o);
    skippedDocs += read2.skipped;
  }
  const patches = patchFiles(objects);
  const whole = [];
  for (const o of objects) {
    if (patches.has(o.file) && !renderedPaths.has(o.file)) diagnostics2.push(patchNote(o));
    else whole.push(o);
  }
  const placed = placeInNamespace(whole, namespace);
  diagnostics2.push(...placed.diagnostics);
  const built = buildCluster(placed.objects, cache?.loaded, others);
  checkLimit(limits, "workloads", built.cluster.workloads.length, where);
  checkLimit(limits, "policies", built.cluster.policies.length, where);
  diagnostics2.push(...built.diagnostics);
  return {
    cluster: built.cluster,
    diagnostics: diagnostics2,
    skipped: { documents: skippedDocs, kinds: built.skippedKinds },
    policyObjects: built.policyObjects,
    unanalyzed: built.unanalyzed,
    withoutNamespace: placed.withoutNamespace,
    namespace,
    podSelectors: built.podSelectors,
    replicaKeys: built.replicaKeys
  };
}
function writtenLine(lines, line) {
  return lines[line - 1] ?? lines[lines.length - 1] ?? line;
}
function atWrittenLines(o, lines) {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(o));
  copy.rendered = true;
  copy.locate = (path17) => {
    const p = o.locate(path17);
    return { line: writtenLine(lines, p.line), column: p.column };
  };
  return copy;
}

// src/model/endpoint.ts
var INGRESS_CONTROLLER_ID = "{ingress-controller}";

// src/exposure/controller.ts
var STAND_IN_NAMESPACE = "{ingress-controller}";
var STAND_IN = { namespace: STAND_IN_NAMESPACE, labels: {}, named: false };
function controllerEndpoint(c) {
  return { type: "ingress-controller", id: INGRESS_CONTROLLER_ID, pod: { namespace: c.namespace, labels: c.labels, ports: [], hostNetwork: false }, controller: c };
}
function parseIngressController(text2) {
  const c = parsePodSetOption(text2, "ingress-controller", "ingress-nginx/app.kubernetes.io/name=ingress-nginx");
  return c.ok ? { ok: true, value: { ...c.value, named: true } } : c;
}
function describeController(c) {
  const labels2 = Object.entries(c.labels).map(([k, v]) => `${k}=${v}`).join(",");
  return labels2 === "" ? `any pod in namespace ${c.namespace}` : `pods labelled ${labels2} in namespace ${c.namespace}`;
}

// src/exposure/paths.ts
function exposurePaths(cluster, pods, before) {
  const targets2 = pods.map((ep) => ({ id: ep.id, namespace: ep.pod.namespace, labels: ep.pod.labels, ports: ep.pod.ports }));
  const resolution = resolveExposure(cluster, targets2);
  const paths = [];
  const byService = new Map(resolution.services.map((s) => [s.service.id, s]));
  for (const { service, ports } of resolution.services) {
    const gates = outsideGates(service);
    if (gates.length === 0) continue;
    for (const { port: port3, workloads } of ports) {
      for (const { workload, port: target2 } of workloads) {
        const routed = routedConn(port3, target2);
        if (routed === void 0) continue;
        for (const gate of gates) {
          paths.push({ dst: workload.id, source: "internet", routed, addresses: gate.addresses, chain: [serviceHop(service, port3, gate.detail(port3), target2, gate.after, before)] });
        }
      }
    }
  }
  for (const b of resolution.backends) {
    if (!b.attached || b.service === void 0 || b.backend.weight === 0) continue;
    const targetsOf = byService.get(b.service.id);
    for (const sp of b.ports) {
      if (sp.protocol !== (b.route.kind === "UDPRoute" ? "UDP" : "TCP")) continue;
      const entry2 = targetsOf.ports.find((p) => p.port === sp);
      for (const { workload, port: target2 } of entry2?.workloads ?? []) {
        const routed = routedConn(sp, target2);
        if (routed === void 0) continue;
        const tail = [routeHop(b.route, b.backend, before), serviceHop(b.service, sp, `${b.service.type}, port ${portWords(sp)}`, target2, void 0, before)];
        const heads = b.attachments.length === 0 ? [[]] : b.attachments.flatMap((a) => gatewayHops(a, b.route, cluster, before));
        for (const head of heads) paths.push({ dst: workload.id, source: "ingress-controller", routed, addresses: void 0, chain: [...head, ...tail] });
      }
    }
  }
  return paths;
}
function outsideGates(s) {
  const gates = [];
  if (s.type === "LoadBalancer") {
    const ranges = s.loadBalancerSourceRanges;
    const from = ranges.length === 0 ? void 0 : `loadBalancerSourceRanges ${ranges.map(formatCidr).join(", ")}`;
    gates.push({ addresses: ranges.length === 0 ? void 0 : ranges, detail: (p) => `LoadBalancer, port ${portWords(p)}`, ...from !== void 0 ? { after: from } : {} });
  } else if (s.type === "NodePort") {
    gates.push({ addresses: void 0, detail: (p) => `NodePort, port ${portWords(p)}${p.nodePort !== void 0 ? `, nodePort ${p.nodePort}` : ""}` });
  }
  if (s.externalIPs.length > 0 && s.type !== "ExternalName") {
    gates.push({ addresses: void 0, detail: (p) => `externalIPs ${s.externalIPs.join(", ")}, port ${portWords(p)}` });
  }
  return gates;
}
function routedConn(port3, target2) {
  if (target2 === void 0) return void 0;
  const ports = target2 === 0 && port3.targetPort.kind === "name" ? PortSet.named(port3.targetPort.name) : PortSet.range(target2, target2);
  return ConnSet.of({ [port3.protocol]: ports });
}
function portWords(p) {
  return `${p.port}${p.name !== void 0 ? ` (${p.name})` : ""}${p.protocol !== "TCP" ? `/${p.protocol}` : ""}`;
}
function serviceHop(s, port3, detail, target2, after, before) {
  const to = port3.targetPort.kind === "name" ? `targetPort ${port3.targetPort.name}${target2 ? ` = ${target2}` : ""}` : port3.targetPort.port !== port3.port ? `targetPort ${port3.targetPort.port}` : "";
  const words2 = [to === "" ? detail : `${detail} \u2192 ${to}`, ...after !== void 0 ? [after] : [], ...serviceNotes(s, before)].join(", ");
  return { kind: "Service", namespace: s.namespace, name: s.name, detail: words2, at: port3.source };
}
function serviceNotes(s, before) {
  if (before === void 0) return [];
  const old = before.services.find((x) => x.id === s.id);
  if (old === void 0) return ["new in this PR"];
  const notes = [];
  if (old.type !== s.type) notes.push(`was ${old.type}`);
  if (JSON.stringify(sorted(old.selector)) !== JSON.stringify(sorted(s.selector))) notes.push("selector changed in this PR");
  return notes;
}
function sorted(labels2) {
  return labels2 === null ? null : Object.entries(labels2).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0);
}
function routeHop(route, backend2, before) {
  const isNew = before !== void 0 && !before.routes.some((r) => r.id === route.id);
  return { kind: route.kind, namespace: route.namespace, name: route.name, detail: routeDetail(route, backend2) + (isNew ? NEW : ""), at: backend2.source };
}
var NEW = ", new in this PR";
function routeDetail(route, backend2) {
  if (route.kind === "Ingress") {
    const m = backend2.match;
    if (m === void 0) return "default backend";
    return `host ${m.host ?? "*"}, path ${m.path ?? "/"}`;
  }
  const gateway = route.parents.length > 0;
  const host = route.hosts.length > 0 ? `host ${route.hosts.join(", ")}` : gateway ? "" : "any host";
  const paths = route.kind === "HTTPRoute" ? `path ${(backend2.paths ?? ["/"]).join(", ")}` : "";
  return [host, paths].filter((w) => w !== "").join(", ") || "any host";
}
function gatewayHops(a, route, cluster, before) {
  const g = a.gateway;
  if (g === void 0) {
    if (a.parent.kind !== "Gateway") return [[]];
    return [[{ kind: "Gateway", namespace: a.parent.namespace, name: a.parent.name, detail: "not in these manifests", at: a.parent.source }]];
  }
  const old = before?.gateways.find((x) => x.id === g.id);
  const at3 = { ...g.source, column: 1 };
  return a.listeners.map((l) => {
    const words2 = [`listener ${l.name}: ${l.protocol} port ${l.port}`, l.hostname !== void 0 ? `host ${l.hostname}` : "any host"];
    const admit = admission(l, route, cluster, before);
    if (admit !== "") words2.push(admit);
    if (before !== void 0) {
      const was = old?.listeners.find((x) => x.name === l.name);
      if (old === void 0) words2.push("new in this PR");
      else if (was === void 0) words2.push("listener new in this PR");
      else {
        if (was.port !== l.port) words2.push(`was port ${was.port}`);
        if (was.hostname !== l.hostname) words2.push(`was ${was.hostname !== void 0 ? `host ${was.hostname}` : "any host"}`);
        if (JSON.stringify(was.allowedNamespaces) !== JSON.stringify(l.allowedNamespaces)) words2.push(`allowedRoutes changed in this PR (was ${allowedWords(was)})`);
      }
    }
    return [{ kind: "Gateway", namespace: g.namespace, name: g.name, detail: words2.join(", "), at: at3 }];
  });
}
function allowedWords(l) {
  const a = l.allowedNamespaces;
  return a.from === "Selector" ? "namespaces by selector" : a.from === "All" ? "all namespaces" : "its own namespace";
}
function admission(l, route, cluster, before) {
  const a = l.allowedNamespaces;
  if (a.from !== "Selector") return "";
  const labels2 = cluster.namespaces.get(route.namespace)?.labels ?? {};
  const matched = a.selector.requirements.map((r) => requirementWords(r, labels2)).join(", ");
  const was = before?.namespaces.get(route.namespace)?.labels;
  const added = before !== void 0 && !selects(a.selector, was ?? { [NAMESPACE_NAME_LABEL]: route.namespace });
  return `admits Namespace ${route.namespace} by its label${a.selector.requirements.length === 1 ? "" : "s"} ${matched === "" ? "(any)" : matched}${added ? " (added in this PR)" : ""}`;
}
function requirementWords(r, labels2) {
  const has = Object.prototype.hasOwnProperty.call(labels2, r.key);
  if (r.op === "In" || r.op === "Exists") return has ? `${r.key}=${labels2[r.key]}` : r.key;
  if (r.op === "NotIn") return `${r.key} not in (${r.values.join(", ")})`;
  return `no ${r.key}`;
}

// src/reach/class-view.ts
function classView(r, pods, classOf) {
  const P = r.universe.podClasses.length;
  const members = Array.from({ length: r.size }, () => []);
  for (const p of pods) members[classOf.get(p.id)].push(p);
  r.universe.externals.forEach((e, i) => members[P + i].push(e));
  for (const m of members) m.sort((x, y) => cmp3(x.id, y.id));
  const live = (node) => members[node].length > 0;
  const groupsOf = (dir) => {
    const groups3 = [];
    const of = new Int32Array(r.size).fill(-1);
    const bySig = /* @__PURE__ */ new Map();
    for (let c = 0; c < P; c++) {
      if (!live(c)) continue;
      const sig = r.signature(c, dir);
      let g = bySig.get(sig);
      if (g === void 0) {
        bySig.set(sig, g = groups3.length);
        groups3.push({ row: r.row(c, dir), nodes: [] });
      }
      groups3[g].nodes.push(c);
      of[c] = g;
    }
    if (r.size > P) {
      const ext = groups3.length;
      groups3.push({ row: OPEN_ROW, nodes: [] });
      for (let n = P; n < r.size; n++) {
        groups3[ext].nodes.push(n);
        of[n] = ext;
      }
    }
    return { groups: groups3, of };
  };
  const out = groupsOf("egress");
  const inn = groupsOf("ingress");
  const isExternalGroup = (g) => g.nodes[0] >= P;
  const candidates = /* @__PURE__ */ new Map();
  const candidate = (s, d) => {
    if (s < 0 || d < 0) return;
    let set = candidates.get(s);
    if (!set) candidates.set(s, set = /* @__PURE__ */ new Set());
    set.add(d);
  };
  const openIn = inn.groups.flatMap((g, d) => g.row.fallback.isEmpty ? [] : [d]);
  out.groups.forEach((g, s) => {
    if (!g.row.fallback.isEmpty) {
      for (const d of openIn) if (!g.row.fallback.intersect(inn.groups[d].row.fallback).isEmpty) candidate(s, d);
    }
    for (const node of g.row.nodes) candidate(s, inn.of[node]);
  });
  inn.groups.forEach((g, d) => {
    for (const node of g.row.nodes) candidate(out.of[node], d);
  });
  const byOutGroup = /* @__PURE__ */ new Map();
  const byInGroup = /* @__PURE__ */ new Map();
  const blocks = [];
  for (const [s, ds] of candidates) {
    const S = out.groups[s];
    for (const d of ds) {
      const D = inn.groups[d];
      if (isExternalGroup(S) && isExternalGroup(D)) continue;
      const srcParts = partition(S.nodes, D.row, listedIn(D.row, out.of, byOutGroup).get(s));
      const dstParts = partition(D.nodes, S.row, listedIn(S.row, inn.of, byInGroup).get(d));
      for (const [q, src] of srcParts) {
        for (const [e, dst] of dstParts) {
          const conn = e.intersect(q);
          if (!conn.isEmpty) blocks.push({ src, dst, conn });
        }
      }
    }
  }
  let merged = blocks;
  for (let pass = 0; pass < 4; pass++) {
    const before = merged.length;
    merged = mergeSide(mergeSide(merged, "dst"), "src");
    if (merged.length === before) break;
  }
  const liveNodes = [...members.keys()].filter(live);
  const podOrder = liveNodes.filter((n) => n < P).sort((a, b) => cmp3(members[a][0].id, members[b][0].id));
  const order = [...podOrder, ...liveNodes.filter((n) => n >= P)];
  const index = new Int32Array(r.size).fill(-1);
  order.forEach((n, i) => index[n] = i);
  const classes = order.map((n) => ({ endpoints: members[n] }));
  const size = (nodes) => nodes.reduce((k, n) => k + members[n].length, 0);
  const groups2 = [];
  for (const b of merged) {
    const onBoth = new Set(b.dst);
    let self = 0;
    for (const n of b.src) if (onBoth.has(n)) self += members[n].filter((e) => e.type === "workload").length;
    const pairs = size(b.src) * size(b.dst) - self;
    if (pairs === 0) continue;
    const ids = (nodes) => nodes.map((n) => index[n]).sort((x, y) => x - y);
    groups2.push({ src: ids(b.src), dst: ids(b.dst), conn: b.conn, pairs });
  }
  const first = (g) => classes[g[0]].endpoints[0].id;
  groups2.sort((x, y) => cmp3(first(x.src), first(y.src)) || cmp3(first(x.dst), first(y.dst)) || cmp3(x.conn.toString(), y.conn.toString()));
  return { classes, groups: groups2, pairs: groups2.reduce((k, g) => k + g.pairs, 0) };
}
function listedIn(row, groupOf, cache) {
  let byGroup = cache.get(row);
  if (byGroup === void 0) {
    byGroup = /* @__PURE__ */ new Map();
    for (let i = 0; i < row.nodes.length; i++) {
      const n = row.nodes[i];
      const g = groupOf[n];
      if (g < 0) continue;
      let l = byGroup.get(g);
      if (!l) byGroup.set(g, l = { nodes: [], conns: [] });
      l.nodes.push(n);
      l.conns.push(row.conns[i]);
    }
    cache.set(row, byGroup);
  }
  return byGroup;
}
function partition(nodes, row, listed2) {
  const parts = /* @__PURE__ */ new Map();
  if (listed2 === void 0) {
    parts.set(row.fallback, [...nodes]);
    return parts;
  }
  listed2.nodes.forEach((n, i) => {
    const c = listed2.conns[i];
    const part = parts.get(c);
    if (part) part.push(n);
    else parts.set(c, [n]);
  });
  const named = new Set(listed2.nodes);
  const rest = nodes.filter((n) => !named.has(n));
  if (rest.length > 0) {
    const part = parts.get(row.fallback);
    if (part) part.push(...rest);
    else parts.set(row.fallback, rest);
  }
  for (const part of parts.values()) part.sort((a, b) => a - b);
  return parts;
}
function mergeSide(blocks, keep) {
  const other = keep === "src" ? "dst" : "src";
  const byKey = /* @__PURE__ */ new Map();
  for (const b of blocks) {
    const key = `${b.conn.toString()}
${b[keep].join(",")}`;
    const known = byKey.get(key);
    if (known) known[other] = [...known[other], ...b[other]];
    else byKey.set(key, { ...b });
  }
  const out = [...byKey.values()];
  for (const b of out) b[other].sort((x, y) => x - y);
  return out;
}
function cmp3(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/reach/flows.ts
function expandFlows(r, pods, classOf) {
  const P = r.universe.podClasses.length;
  const nodes = [
    ...pods.map((e) => ({ e, node: classOf.get(e.id) })),
    ...r.universe.externals.map((e, i) => ({ e, node: P + i }))
  ].sort((x, y) => cmp4(x.e.id, y.e.id));
  const at3 = Array.from({ length: r.size }, () => []);
  nodes.forEach((n, i) => at3[n.node].push(i));
  return {
    *[Symbol.iterator]() {
      let memoFor = -1;
      let memo3 = [];
      let targets2 = null;
      for (const a of nodes) {
        const fromExternal = a.node >= P;
        if (a.node !== memoFor) {
          memoFor = a.node;
          memo3 = new Array(r.size);
          targets2 = fromExternal ? null : listedTargets(r.row(a.node, "egress"));
        }
        if (targets2 !== null) {
          for (const i of targets2) {
            const b = nodes[i];
            if (a.e === b.e && a.e.type === "workload") continue;
            yield { src: a.e, dst: b.e, conn: memo3[b.node] };
          }
          continue;
        }
        for (const b of nodes) {
          if (fromExternal && b.node >= P) continue;
          if (a.e === b.e && a.e.type === "workload") continue;
          let conn = memo3[b.node];
          if (conn === void 0) memo3[b.node] = conn = r.conn(a.node, b.node);
          if (!conn.isEmpty) yield { src: a.e, dst: b.e, conn };
        }
      }
      function listedTargets(row) {
        if (!row.fallback.isEmpty) return null;
        const out = [];
        for (const n of row.nodes) {
          const conn = memo3[n] = r.conn(memoFor, n);
          if (!conn.isEmpty) for (const i of at3[n]) out.push(i);
        }
        return Int32Array.from(out).sort();
      }
    }
  };
}
function cmp4(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/reach/named-port-notes.ts
function unresolvedNamedPorts(universe, policies) {
  const out = [];
  const classes = universe.podClasses;
  for (const policy of policies) {
    const subjects = classes.filter((c) => c.namespace === policy.namespace && !c.hostNetwork && selects(policy.subject, c.labels));
    const check = (rule, candidates) => {
      if (rule.ports === "any") return;
      for (const spec of rule.ports) {
        if (spec.port.kind !== "named") continue;
        const key = namedPortKey(spec.port.name, spec.protocol);
        if (candidates.some((c) => c.namedPorts.has(key))) continue;
        const whose = rule.direction === "ingress" ? "the pods the policy selects" : "any pod the rule reaches";
        out.push(
          diagnostic("note", rule.source.file, { line: rule.source.line, column: 1 }, `NetworkPolicy ${policy.id}: ${rule.direction}[${rule.index}]: named port "${spec.port.name}" (${spec.protocol}) is not a container port of ${whose}; it matches nothing`)
        );
      }
    };
    for (const rule of policy.ingress ?? []) check(rule, subjects);
    for (const rule of policy.egress ?? []) check(rule, classes);
  }
  return out;
}

// src/load/skipped-words.ts
function describeSkipped(s) {
  const parts = [];
  if (s.documents > 0) parts.push(`${s.documents} document${s.documents === 1 ? "" : "s"} that ${s.documents === 1 ? "is" : "are"} not a Kubernetes object`);
  const total = [...s.kinds.values()].reduce((a, b) => a + b, 0);
  if (total > 0) {
    const kinds = [...s.kinds].sort(([a], [b]) => a < b ? -1 : 1).map(([k, n]) => `${k} ${n}`);
    parts.push(`${total} object${total === 1 ? "" : "s"} of kinds not analyzed (${kinds.join(", ")})`);
  }
  return parts.join("; ");
}

// src/synth/changed.ts
function changedNamespaces(clusters, named) {
  const out = /* @__PURE__ */ new Set();
  if (clusters.length !== 2) return out;
  const [base2, head] = clusters;
  const byMatch = (selector) => {
    for (const [name2, labelSets] of named) if (!out.has(name2) && labelSets.some((l) => selects(selector, l))) out.add(name2);
  };
  for (const p of changed(base2.policies, head.policies, policySignature)) {
    out.add(p.namespace);
    for (const rule of [...p.ingress ?? [], ...p.egress ?? []]) {
      if (rule.peers === "any") continue;
      for (const peer2 of rule.peers) if (peer2.kind === "pods" && peer2.namespaces.kind === "selector") byMatch(peer2.namespaces.selector);
    }
  }
  for (const p of changed(base2.adminPolicies, head.adminPolicies, adminSignature)) {
    byMatch(p.subject.namespaces);
    for (const rule of [...p.ingress, ...p.egress]) for (const peer2 of rule.peers) if (peer2.kind === "pods") byMatch(peer2.namespaces);
  }
  return out;
}
function changed(base2, head, signature2) {
  const baseById = new Map(base2.map((p) => [p.id, p]));
  const headById = new Map(head.map((p) => [p.id, p]));
  const out = [];
  for (const p of head) {
    const b = baseById.get(p.id);
    if (b === p) continue;
    if (b === void 0 || signature2(b) !== signature2(p)) out.push(p, ...b === void 0 ? [] : [b]);
  }
  for (const p of base2) if (!headById.has(p.id)) out.push(p);
  return out;
}
function policySignature(p) {
  const rules3 = (rs) => rs === null ? null : rs.map((r) => [r.peers === "any" ? "any" : r.peers.map(peerSignature), r.ports]);
  return text([selectorKey(p.subject), rules3(p.ingress), rules3(p.egress)]);
}
function peerSignature(peer2) {
  if (peer2.kind === "ipBlock") return [peer2.cidr, peer2.except];
  return [peer2.namespaces.kind === "own" ? null : selectorKey(peer2.namespaces.selector), selectorKey(peer2.pods)];
}
function adminSignature(p) {
  const peer2 = (x) => x.kind === "pods" ? [selectorKey(x.namespaces), selectorKey(x.pods)] : x.kind === "nodes" ? ["nodes", selectorKey(x.selector)] : x;
  const rules3 = p.ingress.concat(p.egress).map((r) => [r.direction, r.index, r.name, r.action, r.peers.map(peer2), r.ports]);
  return text([p.tier, p.priority, selectorKey(p.subject.namespaces), selectorKey(p.subject.pods), rules3]);
}
function text(x) {
  return JSON.stringify(x, (_, v) => typeof v === "bigint" ? v.toString() : v);
}

// src/synth/words.ts
function representativeWords(namespace, selectors, witness, declaredLike, bound) {
  const n = selectors.length;
  const own = selectors.flatMap((s, i) => selects(s, witness) ? [i] : []).join(",");
  const keys2 = Object.keys(witness).sort();
  const named = (key) => [...new Set(selectors.flatMap((s) => s.requirements.flatMap((r) => r.key === key && "values" in r ? r.values : [])))].sort();
  const withs = keys2.map((key) => witness[key] === OTHER_VALUE ? { key, value: null, notValues: named(key) } : { key, value: witness[key], notValues: [] });
  const positive = {
    requirements: withs.flatMap(
      (w) => w.value !== null ? [{ key: w.key, op: "In", values: [w.value] }] : [{ key: w.key, op: "Exists" }, ...w.notValues.length > 0 ? [{ key: w.key, op: "NotIn", values: w.notValues }] : []]
    )
  };
  const negatives = selectors.flatMap((s) => {
    if (selects(s, witness)) return [];
    const failing = s.requirements.filter((r) => !requirementMatches(r, witness));
    if (!failing.every((r) => (r.op === "In" || r.op === "Exists") && !(r.key in witness))) return [];
    return [{ selector: { requirements: failing }, text: failing.map(requirementText).join(",") }];
  });
  const all = combinations([...selectors, positive, ...negatives.map((x) => x.selector)], { bound });
  if (all === void 0) return void 0;
  const kinds = all.map((k) => ({
    satisfied: k.satisfied.filter((i) => i < n).join(","),
    fits: k.satisfied.includes(n),
    lacks: negatives.map((_, j) => !k.satisfied.includes(n + 1 + j))
  }));
  let left = kinds.filter((k) => k.fits && k.satisfied !== own && !declaredLike(k.satisfied));
  const chosen = [];
  while (left.length > 0) {
    let best = -1;
    let count = 0;
    negatives.forEach((_, j) => {
      const c = left.filter((k) => !k.lacks[j]).length;
      if (c > count) [best, count] = [j, c];
    });
    if (best < 0) return void 0;
    chosen.push(best);
    left = left.filter((k) => k.lacks[best]);
  }
  const described = (k) => k.fits && chosen.every((j) => k.lacks[j]);
  if (!kinds.every((k) => k.satisfied !== own || described(k))) return void 0;
  const other = kinds.some((k) => described(k) && declaredLike(k.satisfied));
  return { namespace, other, with: withs, without: [...new Set(chosen.map((j) => negatives[j].text))].sort() };
}
function requirementText(r) {
  if (r.op === "Exists") return r.key;
  if (r.op === "In") return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(", ")})`;
  return r.key;
}

// src/synth/synthesize.ts
var DEFAULT_POD_BOUND = 256;
var WORDED = 32;
var NO_SYNTHESIS = { namespaces: [], pods: [], notes: [], representativeOf: () => void 0 };
var satisfiedBy = (selectors, labels2) => selectors.flatMap((s, i) => selects(s, labels2) ? [i] : []).join(",");
function synthesize(clusters, mode, bound = DEFAULT_POD_BOUND) {
  if (mode === "declared") return NO_SYNTHESIS;
  const policies = distinct(clusters.flatMap((c) => c.policies));
  const admin = distinct(clusters.flatMap((c) => c.adminPolicies));
  const peers = [];
  for (const p of policies) {
    for (const rule of [...p.ingress ?? [], ...p.egress ?? []]) {
      if (rule.peers === "any") continue;
      for (const peer2 of rule.peers) if (peer2.kind === "pods") peers.push({ namespace: p.namespace, peer: peer2 });
    }
  }
  for (const p of admin) {
    const asPeers = [adminPeerAsPeers({ kind: "pods", ...p.subject }), ...[...p.ingress, ...p.egress].flatMap(adminRulePeers)];
    for (const peer2 of asPeers.flat()) if (peer2.kind === "pods") peers.push({ namespace: "", peer: peer2 });
  }
  const nsSelectors = dedupe3(peers.flatMap(({ peer: peer2 }) => peer2.namespaces.kind === "selector" ? [peer2.namespaces.selector] : []));
  const services = distinct(clusters.flatMap((c) => c.services)).filter((s) => s.selector !== null && Object.keys(s.selector).length > 0);
  const serviceSelector2 = (labels2) => ({ requirements: Object.entries(labels2).map(([key, value]) => ({ key, op: "In", values: [value] })) });
  const named = /* @__PURE__ */ new Map();
  for (const c of clusters) for (const ns of c.namespaces.values()) named.set(ns.name, [...named.get(ns.name) ?? [], ns.labels]);
  for (const s of services) if (!named.has(s.namespace)) named.set(s.namespace, [{ [NAMESPACE_NAME_LABEL]: s.namespace }]);
  for (const s of nsSelectors) {
    for (const r of s.requirements) {
      if (r.key === NAMESPACE_NAME_LABEL && (r.op === "In" || r.op === "NotIn")) {
        for (const v of r.values) if (!named.has(v)) named.set(v, [{ [NAMESPACE_NAME_LABEL]: v }]);
      }
    }
  }
  const addedNamespaces = [];
  for (const [name2, labelSets] of named) {
    if (!clusters.some((c) => c.namespaces.has(name2))) addedNamespaces.push({ name: name2, labels: labelSets[0], source: null });
  }
  const notes = [];
  let reps = combinations(nsSelectors, { bound, fixed: { [NAMESPACE_NAME_LABEL]: OTHER_VALUE } });
  if (reps === void 0) {
    notes.push(`The namespaceSelectors allow more than ${bound} distinct kinds of namespace; one representative namespace per selector is shown instead, so some combinations are not covered.`);
    reps = perSelector(nsSelectors, { [NAMESPACE_NAME_LABEL]: OTHER_VALUE });
  }
  const repNamespaces = reps.map((c) => {
    const name2 = describeWitness(c.witness, [NAMESPACE_NAME_LABEL]);
    return { name: name2, labels: { ...c.witness, [NAMESPACE_NAME_LABEL]: name2 }, source: null };
  });
  addedNamespaces.push(...repNamespaces);
  const declared = /* @__PURE__ */ new Map();
  const ordinary = /* @__PURE__ */ new Map();
  for (const w of distinct(clusters.flatMap((c) => c.workloads))) {
    const list6 = declared.get(w.namespace);
    if (list6) list6.push(w.labels);
    else declared.set(w.namespace, [w.labels]);
    if (w.hostNetwork) continue;
    const same = ordinary.get(w.namespace);
    if (same) same.push(w.labels);
    else ordinary.set(w.namespace, [w.labels]);
  }
  const touched = mode === "auto" ? changedNamespaces(clusters, named) : /* @__PURE__ */ new Set();
  const targets2 = [
    ...[...named].map(([name2, labelSets]) => ({ name: name2, labelSets })),
    ...repNamespaces.map((n) => ({ name: n.name, labelSets: [n.labels] }))
  ];
  const portNames2 = /* @__PURE__ */ new Set();
  for (const p of [...policies, ...admin]) {
    for (const rule of [...p.ingress ?? [], ...p.egress ?? []]) {
      if (rule.ports === "any") continue;
      for (const s of rule.ports) if (s.port.kind === "named") portNames2.add(`${s.port.name}/${s.protocol}`);
    }
  }
  for (const s of services) for (const p of s.ports) if (p.targetPort.kind === "name") portNames2.add(`${p.targetPort.name}/${p.protocol}`);
  const ports = [...portNames2].sort().map((k) => {
    const [name2, protocol] = k.split("/");
    return { name: name2, port: 0, protocol };
  });
  const pods = [];
  const partialViews = [];
  const lookup = /* @__PURE__ */ new Map();
  const index = peerIndex(policies, peers);
  for (const t of targets2.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
    const selectors = dedupe3([
      ...index.subjects.get(t.name) ?? [],
      ...index.peersOf(t).map((i) => peers[i].peer.pods),
      ...services.filter((svc) => svc.namespace === t.name).map((svc) => serviceSelector2(svc.selector))
    ]);
    const own = mode === "auto" ? declared.get(t.name) : void 0;
    const partial = own !== void 0 && touched.has(t.name);
    const unmatched = own === void 0 ? selectors : selectors.filter((s) => !own.some((l) => selects(s, l)));
    if (own !== void 0 && !partial && unmatched.length === 0) continue;
    const likeDeclared = new Set(own === void 0 ? [] : (ordinary.get(t.name) ?? []).map((l) => satisfiedBy(selectors, l)));
    let combos = combinations(selectors, { bound });
    if (combos === void 0) {
      notes.push(`Namespace ${t.name}: the selectors allow more than ${bound} distinct kinds of pod; one representative per selector is shown instead, so some combinations are not covered.`);
      combos = perSelector(partial ? selectors : unmatched);
    }
    if (partial) combos = combos.filter((c) => !likeDeclared.has(satisfiedBy(selectors, c.witness)));
    else if (own !== void 0) combos = combos.filter((c) => unmatched.some((s) => selects(s, c.witness)));
    const ids = /* @__PURE__ */ new Map();
    lookup.set(t.name, { selectors, ids });
    if (partial && combos.length > 0) partialViews.push(t.name);
    for (const c of combos) {
      ids.set(satisfiedBy(selectors, c.witness), `${t.name}/${describeWitness(c.witness)}`);
      const pod = {
        type: "synthetic",
        id: `${t.name}/${describeWitness(c.witness)}`,
        pod: { namespace: t.name, labels: c.witness, ports, hostNetwork: false },
        labels: definingLabels(c.witness)
      };
      if (own !== void 0 && combos.length <= WORDED) wordLazily(pod, () => representativeWords(t.name, selectors, c.witness, (sat) => likeDeclared.has(sat), bound));
      pods.push(pod);
    }
  }
  if (pods.length > 0) {
    notes.push(
      "Representative pods stand for every pod their labels describe: backend/[app=db] is any pod in backend labelled app=db that no other selector tells apart, [*] any other pod, [*]/[*] any pod in any namespace no policy names."
    );
    if (partialViews.length > 0) {
      const shown = partialViews.slice(0, 5).join(", ") + (partialViews.length > 5 ? ` and ${partialViews.length - 5} more` : "");
      notes.push(
        `Where the change edits policies that select pods in namespaces with declared workloads (${shown}), representatives also stand for the pods there that these files do not declare and that behave like none of the declared ones ("other pods in N ..."); a pod that behaves like a declared workload is covered by that workload's line.`
      );
    }
    if (ports.length > 0) notes.push(`Representative pods expose the named ports the policies and Services use (${ports.map((p) => `${p.name}/${p.protocol}`).join(", ")}); their numbers are unknown, so they are shown by name.`);
  }
  const repIds = new Map(reps.map((c, i) => [satisfiedBy(nsSelectors, c.witness), repNamespaces[i].name]));
  return {
    namespaces: addedNamespaces,
    pods,
    notes,
    representativeOf(namespace, nsLabels, podLabels) {
      const ns = named.has(namespace) ? namespace : repIds.get(satisfiedBy(nsSelectors, { ...nsLabels, [NAMESPACE_NAME_LABEL]: namespace }));
      const entry2 = ns === void 0 ? void 0 : lookup.get(ns);
      return entry2?.ids.get(satisfiedBy(entry2.selectors, podLabels));
    }
  };
}
function wordLazily(pod, make) {
  let words2 = null;
  Object.defineProperty(pod, "words", { enumerable: false, get: () => words2 === null ? words2 = make() : words2 });
}
function perSelector(selectors, fixed = {}) {
  const out = [{ witness: { ...fixed } }];
  const seen = /* @__PURE__ */ new Set([JSON.stringify(fixed)]);
  for (const s of selectors) {
    const w = { ...fixed };
    for (const r of s.requirements) {
      if (r.key in fixed) continue;
      if (r.op === "In") w[r.key] = r.values[0];
      else if (r.op === "Exists" && w[r.key] === void 0) w[r.key] = OTHER_VALUE;
    }
    const key = JSON.stringify(w);
    if (selects(s, w) && !seen.has(key)) {
      seen.add(key);
      out.push({ witness: w });
    }
  }
  return out;
}
function peerIndex(policies, peers) {
  const subjects = /* @__PURE__ */ new Map();
  for (const p of policies) {
    const list6 = subjects.get(p.namespace);
    if (list6) list6.push(p.subject);
    else subjects.set(p.namespace, [p.subject]);
  }
  const own = /* @__PURE__ */ new Map();
  const bySelector = /* @__PURE__ */ new Map();
  peers.forEach(({ namespace, peer: peer2 }, i) => {
    if (peer2.namespaces.kind === "own") {
      const list6 = own.get(namespace);
      if (list6) list6.push(i);
      else own.set(namespace, [i]);
    } else {
      const key = selectorKey(peer2.namespaces.selector);
      const entry2 = bySelector.get(key);
      if (entry2) entry2.indexes.push(i);
      else bySelector.set(key, { selector: peer2.namespaces.selector, indexes: [i] });
    }
  });
  const firsts = (indexes) => {
    const seen = /* @__PURE__ */ new Set();
    return indexes.filter((i) => {
      const key = selectorKey(peers[i].peer.pods);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  };
  const ownFirsts = new Map([...own].map(([ns, indexes]) => [ns, firsts(indexes)]));
  const groups2 = [...bySelector.values()].map((g) => ({ selector: g.selector, indexes: firsts(g.indexes) }));
  return {
    subjects,
    /** Indexes of the peers that can match pods of namespace `t`, ascending (one per pod selector of each list). */
    peersOf(t) {
      const out = [...ownFirsts.get(t.name) ?? []];
      for (const g of groups2) if (t.labelSets.some((l) => selects(g.selector, l))) out.push(...g.indexes);
      return out.sort((a, b) => a - b);
    }
  };
}
function distinct(xs) {
  return [...new Set(xs)];
}
function dedupe3(selectors) {
  const seen = /* @__PURE__ */ new Map();
  for (const s of selectors) {
    const key = selectorKey(s);
    if (!seen.has(key)) seen.set(key, s);
  }
  return [...seen.values()];
}
function sidePods(cluster, synthesis) {
  return [...cluster.workloads.map((w) => ({ type: "workload", id: w.id, pod: w })), ...synthesis.pods];
}

// src/analyze.ts
function namespaceFor(options) {
  return options.namespace === void 0 && options.defaultNamespace !== void 0 ? { name: options.defaultNamespace, explicit: false } : namespaceOption(options.namespace);
}
function buildSides(loaded, mode, controller) {
  const synthesis = synthesize(
    loaded.map((l) => l.cluster),
    mode
  );
  const routed = loaded.some((l) => l.cluster.routes.length > 0);
  const addressCuts = loaded.flatMap((l) => l.cluster.services.flatMap((s) => s.type === "LoadBalancer" ? s.loadBalancerSourceRanges : []));
  const sides = loaded.map((l) => {
    const namespaces = new Map(l.cluster.namespaces);
    for (const ns of synthesis.namespaces) if (!namespaces.has(ns.name)) namespaces.set(ns.name, ns);
    return { namespaces, pods: sidePods(l.cluster, synthesis), policies: l.cluster.policies, adminPolicies: l.cluster.adminPolicies, nodes: l.cluster.nodes, controller: routed ? controller : void 0, addressCuts };
  });
  return { sides, synthesis };
}
function sideTable(l, side2, reach3, classOf, before) {
  const paths = exposurePaths(l.cluster, side2.pods, before?.cluster);
  const controllerClass = side2.controller ? classOf.get(side2.controller.id) : void 0;
  return { table: exposureTable({ paths, reach: reach3, classOf, controllerClass }), classOf, controllerClass, reach: reach3, paths };
}
function mergedSources(exposures, classes) {
  const known = new Set(classes.map((e) => e.id));
  const out = /* @__PURE__ */ new Map();
  for (const e of exposures) if (e.src.type === "external" && !known.has(e.src.id)) out.set(e.src.id, e.src);
  return [...out.values()];
}
function byId(pods) {
  return new Map(pods.map((p) => [p.id, p]));
}
function reach(files, options = {}) {
  const limits = { ...defaultInputLimits, ...options.limits };
  const loaded = loadSources(files, namespaceFor(options), { limits });
  const controller = controllerEndpoint(options.ingressController ?? STAND_IN);
  const { sides, synthesis } = buildSides([loaded], options.pods ?? "auto", controller);
  const side2 = sides[0];
  const universe = buildUniverse([side2], { hostNetwork: options.hostNetwork, maxPodClasses: limits.podClasses });
  const reachability = evaluate(universe, side2);
  const { table } = sideTable(loaded, side2, reachability, universe.classOf[0]);
  const exposures = listExposures(table, byId(side2.pods), universe, controller);
  const controllerFlows2 = exposures.filter((e) => e.source === "ingress-controller").map((e) => ({ src: e.src, dst: e.dst, conn: e.conn }));
  const pairs = expandFlows(reachability, side2.pods, universe.classOf[0]);
  let view2;
  return {
    // An exposure names the addresses that get through, merged across classes: listed too, so its id resolves.
    endpoints: [...side2.pods, ...universe.externals, ...side2.controller ? [side2.controller] : [], ...mergedSources(exposures, universe.externals)],
    flows: {
      *[Symbol.iterator]() {
        yield* pairs;
        yield* controllerFlows2;
      }
    },
    classes: () => view2 ??= classView(reachability, side2.pods, universe.classOf[0]),
    exposures,
    diagnostics: [...loaded.diagnostics, ...unresolvedNamedPorts(universe, side2.policies)].sort(compareDiagnostics),
    assumptions: withSkipped([...assumptions(sides, synthesis, options), ...placedIn(loaded), ...exposureAssumptions([loaded], options)], loaded.skipped),
    skipped: loaded.skipped
  };
}
function diff(baseFiles, headFiles, options = {}) {
  const limits = { ...defaultInputLimits, ...options.limits };
  return diffLoaded(loadRevisions(baseFiles, headFiles, namespaceFor(options), limits), options);
}
function diffLoaded([base2, head], options = {}) {
  const limits = { ...defaultInputLimits, ...options.limits };
  const controller = controllerEndpoint(options.ingressController ?? STAND_IN);
  const { sides, synthesis } = buildSides([base2, head], options.pods ?? "auto", controller);
  const result = diffSides(sides[0], sides[1], { hostNetwork: options.hostNetwork, maxPodClasses: limits.podClasses, exhaustive: options.exhaustive });
  const [inBase, inHead] = result.universe.classOf;
  const exposed = exposureChanges(
    sideTable(base2, sides[0], result.base, inBase),
    sideTable(head, sides[1], result.head, inHead, base2),
    byId(result.endpoints.filter((e) => e.type === "workload" || e.type === "synthetic")),
    controller
  );
  const controllers = exposed.filter((c) => c.source === "ingress-controller" && !(c.opened.isEmpty && c.closed.isEmpty));
  const changes = controllers.length === 0 ? result.changes : [...result.changes, ...controllers].sort((x, y) => cmp5(x.src.id, y.src.id) || cmp5(x.dst.id, y.dst.id));
  const gateConfig = options.gate ?? defaultGateConfig();
  const unanalyzed = { objects: unanalyzedChanges(base2.unanalyzed, head.unanalyzed), files: [...options.unreadFiles ?? []] };
  const serves = nameServerMatcher(options.dnsServer, [...base2.cluster.services, ...head.cluster.services]);
  const named = /* @__PURE__ */ new Set();
  for (const list6 of [changes, exposed]) for (const c of list6) named.add(c.src.id).add(c.dst.id);
  const endpoints = /* @__PURE__ */ new Map();
  for (const e of [...result.endpoints, ...result.changedExternals, ...exposed.flatMap((c) => [c.src, c.dst])]) if (named.has(e.id) && !endpoints.has(e.id)) endpoints.set(e.id, e);
  return {
    endpoints: [...endpoints.values()],
    universe: result.endpoints,
    changes,
    exposureChanges: exposed,
    gate: evaluateGate(changes, exposed, gateConfig, unanalyzed),
    unanalyzed,
    gateConfig,
    diagnostics: [...head.diagnostics].sort(compareDiagnostics),
    policyChanges: policyTextChanges(base2.policyObjects, head.policyObjects),
    ...options.inputChanges !== void 0 && options.inputChanges.length > 0 ? { inputChanges: options.inputChanges } : {},
    assumptions: withSkipped([...assumptions(sides, synthesis, options), ...placedIn(head, base2), ...exposureAssumptions([base2, head], options)], head.skipped),
    skipped: head.skipped,
    workloadChanges: workloadChanges(
      result.changes,
      result.endpoints,
      new Set(sides[0].pods.map((p) => p.id)),
      new Set(sides[1].pods.map((p) => p.id)),
      serves
    ),
    nameServers: result.endpoints.filter(serves).map((e) => e.id),
    serviceBreakages: serviceBreakages(base2.cluster, head.cluster, sides[0].pods, sides[1].pods),
    cutOff: cutOff(result.changes, result.endpoints, { r: result.base, classOf: inBase }, { r: result.head, classOf: inHead })
  };
}
function exposureAssumptions(loaded, options) {
  const out = [];
  if (loaded.some((l) => l.cluster.routes.length > 0)) {
    const c = options.ingressController;
    out.push(
      c === void 0 ? "Ingress, Gateway API and OpenShift Route traffic comes from the ingress controller, taken (as netpol-analyzer does) to be a pod in a namespace of its own with no labels: only rules that admit pods of every namespace, or every source, let it in. Name the real one with --ingress-controller NAMESPACE/KEY=VALUE (the Action's ingress-controller input) to have policies that admit only it evaluated exactly." : `Ingress, Gateway API and OpenShift Route traffic comes from the ingress controller: ${describeController(c)} (--ingress-controller); the policies of that namespace govern its egress.`
    );
  }
  const outside = loaded.flatMap((l) => l.cluster.services).filter((s) => s.type === "NodePort" || s.type === "LoadBalancer" || s.type !== "ExternalName" && s.externalIPs.length > 0);
  if (outside.length > 0) {
    out.push(
      "LoadBalancer, NodePort and externalIPs Services are taken to be reachable from every address outside the cluster (a LoadBalancer's from its loadBalancerSourceRanges only; its node ports are taken to sit behind the same firewall)."
    );
    const masquerading = [...new Set(outside.filter((s) => s.externalTrafficPolicy !== "Local").map((s) => s.id))].sort();
    if (masquerading.length > 0) {
      out.push(
        `Policies see the client's own address only with externalTrafficPolicy: Local. ${listed(masquerading)} use${masquerading.length === 1 ? "s" : ""} Cluster (the default), where a node may forward the traffic under its own address, so whether an ipBlock rule admits it depends on the CNI; netreach assumes the client's address is kept.`
      );
    }
  }
  return out;
}
function listed(ids) {
  const shown = ids.slice(0, 5).map((id) => `Service ${id}`);
  return ids.length > 5 ? `${shown.join(", ")} and ${ids.length - 5} more` : shown.join(", ");
}
function cmp5(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function withSkipped(said, skipped) {
  const what = describeSkipped(skipped);
  return what === "" ? said : [...said, `Read but not analyzed: ${what}.`];
}
function placedIn(head, base2) {
  const n = head.withoutNamespace;
  const m = base2?.withoutNamespace ?? n;
  if (n === 0 && m === 0) return [];
  const ns = head.namespace;
  const count = `${n} object${n === 1 ? "" : "s"} without metadata.namespace${m !== n ? ` (${m} in the base revision)` : ""}`;
  const verb = n === 1 ? "is" : "are";
  return [
    ns.explicit ? `${count} ${verb} placed in namespace ${ns.name}, the one given (as kubectl apply -n ${ns.name} does).` : `${count} ${verb} placed in namespace ${ns.name} (as kubectl apply does without -n); pass --namespace (the Action's namespace input) to choose another.`
  ];
}
function assumptions(sides, synthesis, options) {
  const mode = options.pods ?? "auto";
  const out = [];
  out.push(
    mode === "declared" ? "Pods are the workloads declared in the manifests (--pods declared)." : mode === "synthetic" ? "Pods are representatives built from the policies' selectors, besides the declared workloads (--pods synthetic)." : "Pods are the declared workloads; representatives built from the policies' selectors stand for the pods of namespaces without any, and for pods a selector names that no declared workload matches (--pods auto)."
  );
  out.push(...synthesis.notes);
  out.push("ipBlocks match addresses outside the cluster only: pod IPs are not known before deployment, and CNIs differ on ipBlocks that cover pod or node addresses.");
  out.push(
    ...adminAssumptions(
      sides.map((s) => s.adminPolicies),
      { podIps: sides.some((s) => s.pods.some((p) => p.type === "workload" && p.pod.ips.length > 0)), nodes: sides.some((s) => (s.nodes ?? []).length > 0) }
    )
  );
  const undeclared = /* @__PURE__ */ new Set();
  for (const s of sides) for (const ns of s.namespaces.values()) if (ns.source === null && !ns.name.startsWith("[")) undeclared.add(ns.name);
  if (undeclared.size > 0) {
    out.push(`Namespace labels unknown for namespaces without a manifest (${[...undeclared].sort().join(", ")}): only kubernetes.io/metadata.name is assumed.`);
  }
  const hostNet = /* @__PURE__ */ new Set();
  for (const s of sides) for (const p of s.pods) if (p.pod.hostNetwork) hostNet.add(p.id);
  if (hostNet.size > 0) {
    out.push(
      (options.hostNetwork ?? "exempt") === "exempt" ? `hostNetwork workloads (${[...hostNet].sort().join(", ")}) use the node's network: no policy selects them and no pod selector matches them.` : `hostNetwork workloads (${[...hostNet].sort().join(", ")}) are treated as ordinary pods (--host-network pod).`
    );
  }
  return out;
}

// src/gate/describe.ts
var WHAT = {
  exposed: "newly exposed outside the cluster",
  "external-ingress": "newly reachable from outside the cluster",
  "external-egress": "newly allowed to reach outside the cluster",
  "cross-namespace": "newly reachable across namespaces",
  "sensitive-ports": "newly reachable on a sensitive port",
  "any-opened": "newly opened"
};
function describeRule(rule, src, dst, conn) {
  if (rule === "external-egress") return `${src} ${WHAT[rule]}: ${dst} ${conn} (${rule})`;
  return `${dst} ${conn} ${WHAT[rule]}: from ${src} (${rule})`;
}
function describeViolation(v) {
  return describeRule(v.rule, v.change.src.id, v.change.dst.id, v.conn.toString());
}

// src/render/budget.ts
function utf8Size(text2) {
  let n = text2.length;
  for (let i = 0; i < text2.length; i++) {
    const c = text2.charCodeAt(i);
    if (c < 128) continue;
    if (c < 2048) n += 1;
    else if (c >= 55296 && c <= 56319 && i + 1 < text2.length && (text2.charCodeAt(i + 1) & 64512) === 56320) {
      n += 2;
      i++;
    } else n += 2;
  }
  return n;
}
var utf16Size = (text2) => text2.length;
var RowSizes = class {
  constructor(r, size, max) {
    this.r = r;
    this.size = size;
    this.max = max;
  }
  r;
  size;
  max;
  prefix = [0];
  rendered = [];
  /** The block's size keeping `keep` rows; Infinity once past the budget. */
  total(keep) {
    const shown = Math.min(this.r.rows.length, Math.max(0, keep));
    while (this.prefix.length <= shown) {
      const last = this.prefix[this.prefix.length - 1];
      if (last > this.max) return Infinity;
      const row = this.r.rows.at(this.prefix.length - 1) ?? "";
      this.rendered.push(row);
      this.prefix.push(last + this.size(row));
    }
    const omitted = this.r.rows.length - shown;
    return this.size(this.r.head) + this.prefix[shown] + (omitted > 0 ? this.size(this.r.more(omitted)) : 0) + this.size(this.r.tail);
  }
  /** The text keeping `keep` rows (after total(keep) was finite). */
  text(keep) {
    const shown = Math.min(this.r.rows.length, Math.max(0, keep));
    const omitted = this.r.rows.length - shown;
    return this.r.head + this.rendered.slice(0, shown).join("") + (omitted > 0 ? this.r.more(omitted) : "") + this.r.tail;
  }
};
function fitBlocks(blocks, options) {
  const sep7 = options.separator ?? "\n";
  const size = options.size ?? utf16Size;
  const max = options.maxChars;
  const dropped = /* @__PURE__ */ new Set();
  let keep = Infinity;
  const maxRows = Math.max(0, ...blocks.map((b) => b.rows?.rows.length ?? 0));
  const texts = blocks.map((b) => typeof b.text === "function" ? b.text(max, size) : b.text ?? "");
  const textSizes = texts.map((t) => t === void 0 ? Infinity : size(t));
  const rowSizes = blocks.map((b) => b.rows ? new RowSizes(b.rows, size, max) : void 0);
  const sepSize = size(sep7);
  const cuts = () => ({
    omitted: blocks.filter((_, i) => dropped.has(i)).map((b) => b.name),
    trimmedRows: blocks.reduce((n, b, i) => n + (dropped.has(i) || !b.rows ? 0 : Math.max(0, b.rows.rows.length - keep)), 0)
  });
  const parts = (note2, block, isEmpty2) => {
    const c = cuts();
    const out = [];
    blocks.forEach((_, i) => {
      if (i === options.noteAt && (c.omitted.length > 0 || c.trimmedRows > 0)) out.push(note2(c));
      if (!dropped.has(i)) out.push(block(i));
    });
    return out.filter((x) => !isEmpty2(x));
  };
  const measure = () => {
    const sizes = parts((c) => size(options.note(c)), (i) => rowSizes[i]?.total(keep) ?? textSizes[i], (n) => n === 0);
    return sizes.reduce((a, b) => a + b, 0) + sepSize * Math.max(0, sizes.length - 1);
  };
  const render2 = () => parts((c) => options.note(c), (i) => rowSizes[i]?.text(keep) ?? texts[i] ?? "", (t) => t === "").join(sep7);
  const fits = () => measure() <= max;
  if (fits()) return render2();
  const byRank = (late) => blocks.map((b, i) => ({ rank: b.dropRank, late: b.afterRows === true, i })).filter((x) => x.rank !== void 0 && x.late === late).sort((a, b) => a.rank - b.rank || b.i - a.i);
  const fitRows = () => {
    let lo = 0;
    let hi = maxRows;
    while (lo < hi) {
      const mid = Math.ceil((lo + hi) / 2);
      keep = mid;
      if (fits()) lo = mid;
      else hi = mid - 1;
    }
    return keep = lo;
  };
  blocks.forEach((b, i) => {
    if (b.dropRank !== void 0 && b.afterRows === true && textSizes[i] === Infinity) dropped.add(i);
  });
  if (dropped.size > 0 && fits()) return render2();
  for (const { i } of byRank(false)) {
    dropped.add(i);
    if (fits()) return render2();
  }
  const minRows = Math.min(options.minRows ?? 10, maxRows);
  let rows = fitRows();
  for (const { i } of byRank(true)) {
    if (rows >= minRows && fits()) break;
    dropped.add(i);
    keep = Infinity;
    if (fits()) return render2();
    rows = fitRows();
  }
  if (fits()) return render2();
  const cut = cutText(render2(), max, size);
  const nl = cut.lastIndexOf("\n");
  return nl > 0 ? `${cut.slice(0, nl)}
\u2026` : cut;
}
function cutText(text2, max, size = utf16Size) {
  if (size(text2) <= max) return text2;
  if (max <= 0) return "";
  const room = max - size("\u2026");
  let lo = 0;
  let hi = Math.min(text2.length, Math.max(0, room));
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (size(text2.slice(0, mid)) <= room) lo = mid;
    else hi = mid - 1;
  }
  let end = lo;
  if (end > 0 && /[\uD800-\uDBFF]/.test(text2[end - 1])) end--;
  return text2.slice(0, end) + "\u2026";
}

// src/render/group.ts
var MAX_EXCEPT = 2;
var MAX_NAMED = 5;
function facetReasons(c, facet) {
  return c.why.filter((r) => reasonFacet(r) === facet);
}
function reasonFacet(r) {
  switch (r.effect) {
    case "allows":
    case "passes":
      return r.side === "head" ? "opened" : "closed";
    case "isolates":
    case "denies":
      return r.side === "head" ? "closed" : "opened";
  }
}
var UniverseIndex = class {
  constructor(universe, extra = []) {
    this.universe = universe;
    this.externalSize = addressCount(universe);
    this.anySynthetic = universe.some((e) => e.type === "synthetic");
    let nonExternal = 0;
    let pods = 0;
    for (const e of [...universe, ...extra]) {
      if (this.byId.has(e.id)) continue;
      this.order.set(e.id, this.order.size);
      this.byId.set(e.id, e);
      if (e.type !== "external") nonExternal++;
      if (isPod(e)) {
        pods++;
        const list6 = this.podsPerNs.get(e.pod.namespace) ?? [];
        list6.push(e);
        this.podsPerNs.set(e.pod.namespace, list6);
        this.declaredNs.set(e.pod.namespace, (this.declaredNs.get(e.pod.namespace) ?? true) && e.type === "workload");
      }
    }
    this.nonExternal = nonExternal;
    this.pods = pods;
  }
  universe;
  order = /* @__PURE__ */ new Map();
  byId = /* @__PURE__ */ new Map();
  /** Per place in the universe, the member seen there (reset after each use): sorting without comparisons. */
  scratch = [];
  podsPerNs = /* @__PURE__ */ new Map();
  /** Per namespace: its pods are declared workloads only. */
  declaredNs = /* @__PURE__ */ new Map();
  /** Every pod, namespace by namespace, with its place in the universe (podsNotIn). */
  podPlaces;
  /** Per place in the universe: in the set at hand (reset after each use). */
  marks;
  /** Endpoints that are not external addresses (pods and the ingress controller), and pods. */
  nonExternal;
  pods;
  /** How many addresses the universe's external classes hold: the whole space of each family used. */
  externalSize;
  /** Whether some representative stands for pods not declared. */
  anySynthetic;
  repCount;
  /** How many representative namespaces the universe has. */
  repNamespaces() {
    return this.repCount ??= [...this.podsPerNs.keys()].filter((ns) => ns.startsWith("[")).length;
  }
  indexOf(e) {
    return this.order.get(e.id) ?? Number.MAX_SAFE_INTEGER;
  }
  /**
   * The pods not in `set`, namespace by namespace: read off the set's places, without a set of
   * its ids (a thousand groups of two thousand sources each were a set of ids apiece).
   */
  podsNotIn(set) {
    if (this.podPlaces === void 0) {
      const pods2 = [...this.podsPerNs.values()].flat();
      this.podPlaces = { pods: pods2, places: Int32Array.from(pods2, (e) => this.order.get(e.id)) };
    }
    const marks = this.marks ??= new Uint8Array(this.order.size);
    for (const p of set.positions) marks[p] = 1;
    const { pods, places } = this.podPlaces;
    const out = [];
    for (let k = 0; k < pods.length; k++) if (marks[places[k]] === 0) out.push(pods[k]);
    for (const p of set.positions) marks[p] = 0;
    return out;
  }
  /** Sorts in universe order, drops duplicates (by id). */
  normalize(endpoints) {
    return [...this.sorted(endpoints).members];
  }
  /**
   * The endpoints in universe order, each id once (the first seen), with their places in the
   * universe (ascending) and those it lacks (last, by id). Places sort as numbers: a set of a
   * thousand sources is sorted thousands of times in a large diff.
   */
  sorted(endpoints) {
    const places = [];
    const unknown = /* @__PURE__ */ new Map();
    for (const e of endpoints) {
      const i = this.order.get(e.id);
      if (i === void 0) {
        if (!unknown.has(e.id)) unknown.set(e.id, e);
      } else if (this.scratch[i] === void 0) {
        this.scratch[i] = e;
        places.push(i);
      }
    }
    const positions = Int32Array.from(places).sort();
    const members = new Array(positions.length);
    for (let k = 0; k < positions.length; k++) {
      members[k] = this.scratch[positions[k]];
      this.scratch[positions[k]] = void 0;
    }
    const rest = [...unknown.values()].sort((a, b) => cmp6(a.id, b.id));
    return { members: rest.length === 0 ? members : [...members, ...rest], positions, unknown: rest };
  }
  /** `set` with `e` (not in it) in its place. */
  with(set, e) {
    const at3 = this.order.get(e.id);
    if (at3 === void 0) {
      const unknown = [...set.unknown, e].sort((a, b) => cmp6(a.id, b.id));
      return { members: [...set.members.slice(0, set.positions.length), ...unknown], positions: set.positions, unknown };
    }
    let lo = 0;
    let hi = set.positions.length;
    while (lo < hi) {
      const mid = lo + hi >> 1;
      if (set.positions[mid] < at3) lo = mid + 1;
      else hi = mid;
    }
    const positions = new Int32Array(set.positions.length + 1);
    positions.set(set.positions.subarray(0, lo), 0);
    positions[lo] = at3;
    positions.set(set.positions.subarray(lo), lo + 1);
    return { members: [...set.members.slice(0, lo), e, ...set.members.slice(lo)], positions, unknown: set.unknown };
  }
  /** A key equal for sets with the same ids. */
  static keyOf(set) {
    const known = set.positions.join(",");
    return set.unknown.length === 0 ? known : `${known}
${set.unknown.map((e) => e.id).join("\n")}`;
  }
  /** `set` without `e`'s id (when in it). */
  without(set, e) {
    const at3 = this.order.get(e.id);
    if (at3 === void 0) {
      const unknown = set.unknown.filter((x) => x.id !== e.id);
      return unknown.length === set.unknown.length ? set : { members: [...set.members.slice(0, set.positions.length), ...unknown], positions: set.positions, unknown };
    }
    const k = set.positions.indexOf(at3);
    if (k < 0) return set;
    const positions = new Int32Array(set.positions.length - 1);
    positions.set(set.positions.subarray(0, k), 0);
    positions.set(set.positions.subarray(k + 1), k);
    return { members: [...set.members.slice(0, k), ...set.members.slice(k + 1)], positions, unknown: set.unknown };
  }
  /** The set and its compact description. */
  describe(endpoints) {
    const set = "positions" in endpoints ? endpoints : this.sorted(endpoints);
    return { endpoints: [...set.members], terms: this.terms(set) };
  }
  /** The shortest of: the universe but a few; a term per namespace, pods and externals. */
  terms(set) {
    const members = set.members;
    const known = set.positions.length;
    let ids;
    const inSet = () => ids ??= new Set(members.map((e) => e.id));
    const allExternals = this.externalSize > 0n && addressCount(members) === this.externalSize;
    let nonExternal = 0;
    for (let k = 0; k < known; k++) if (members[k].type !== "external") nonExternal++;
    const missingCount = this.nonExternal - nonExternal;
    const declaredOnly = !this.anySynthetic;
    if (missingCount === 0 && allExternals) return [{ kind: "everything", except: [], declaredOnly }];
    const parts = this.partTerms(set, inSet, allExternals);
    if (allExternals && missingCount <= MAX_EXCEPT && members.length > 2 * missingCount && cost(parts) > 1 + missingCount) {
      const missing = [...this.byId.values()].filter((e) => !inSet().has(e.id) && e.type !== "external");
      return [{ kind: "everything", except: missing, declaredOnly }];
    }
    return parts;
  }
  partTerms(set, inSet, allExternals) {
    const members = set.members;
    const known = set.positions.length;
    const pods = [];
    const exts = [];
    const out = [];
    let knownPods = 0;
    const perNs = /* @__PURE__ */ new Map();
    members.forEach((e, k) => {
      if (e.type === "external") {
        exts.push(e);
        return;
      }
      pods.push(e);
      const counted = k < known && isPod(e);
      if (counted) knownPods++;
      const entry2 = perNs.get(e.pod.namespace);
      if (entry2) {
        entry2.list.push(e);
        if (counted) entry2.known++;
      } else perNs.set(e.pod.namespace, { list: [e], known: counted ? 1 : 0 });
    });
    const podsMissingCount = this.pods - knownPods;
    const podsMissing = () => this.podsNotIn(set);
    const nsTerms = [];
    const wholeReps = [...perNs].filter(([ns, { known: inNs }]) => ns.startsWith("[") && inNs === (this.podsPerNs.get(ns) ?? []).length).map(([ns]) => ns);
    const repsIn = new Set(wholeReps);
    if (wholeReps.length > 0) nsTerms.push({ kind: "other-namespaces", namespaces: wholeReps, all: wholeReps.length === this.repNamespaces(), endpoints: wholeReps.flatMap((ns) => perNs.get(ns).list) });
    const byPod = /* @__PURE__ */ new Map();
    for (const [ns, { list: list6 }] of perNs) {
      if (!ns.startsWith("[") || repsIn.has(ns)) continue;
      for (const e of list6) {
        const pod = e.id.slice(ns.length + 1);
        byPod.set(pod, [...byPod.get(pod) ?? [], e]);
      }
    }
    for (const [pod, endpoints] of byPod) {
      nsTerms.push({ kind: "other-namespaces", namespaces: endpoints.map((e) => e.pod.namespace), all: false, pod, endpoints });
    }
    for (const [ns, { list: list6, known: inNs }] of perNs) {
      if (ns.startsWith("[")) continue;
      const all = this.podsPerNs.get(ns) ?? [];
      const exceptCount = all.length - inNs;
      const real = !ns.startsWith("[");
      const declaredOnly = this.declaredNs.get(ns) ?? true;
      const whole = real && exceptCount === 0 && (all.length > 1 || all[0]?.type === "synthetic");
      const exceptsRep = () => all.some((e) => e.type === "synthetic" && !inSet().has(e.id));
      const most = real && exceptCount > 0 && exceptCount <= MAX_EXCEPT && list6.length > 2 * exceptCount && list6.length > 1 + exceptCount && (!declaredOnly && !exceptsRep() || list6.length > MAX_NAMED);
      if (whole || most) nsTerms.push({ kind: "namespace", namespace: ns, except: exceptCount === 0 ? [] : all.filter((e) => !inSet().has(e.id)), declaredOnly });
      else {
        const labelled = real && !declaredOnly ? labelledOthers(ns, list6, all) : void 0;
        for (const e of list6) if (labelled === void 0 || e.type !== "synthetic") nsTerms.push(endpointTerm(e, all));
        if (labelled !== void 0) nsTerms.push(labelled);
      }
    }
    const podsWhole = this.pods > 1 && podsMissingCount === 0;
    const podsMost = podsMissingCount > 0 && podsMissingCount <= MAX_EXCEPT && pods.length > 2 * podsMissingCount && (this.anySynthetic || pods.length > MAX_NAMED);
    if (podsWhole || podsMost && cost(nsTerms) > 1 + podsMissingCount) out.push({ kind: "all-pods", except: podsWhole ? [] : podsMissing(), declaredOnly: !this.anySynthetic });
    else out.push(...nsTerms);
    if (allExternals) out.push({ kind: "all-externals" });
    else for (const e of exts) out.push({ kind: "endpoint", endpoint: e });
    return out;
  }
};
function endpointTerm(e, namespacePods) {
  if (e.type !== "synthetic") return { kind: "endpoint", endpoint: e };
  const labels2 = e.pod.labels;
  const keys2 = Object.keys(labels2).length;
  const like = namespacePods.filter((w) => {
    if (w.type !== "workload") return false;
    const own = Object.entries(w.pod.labels);
    return own.length > 0 && own.length < keys2 && own.every(([k, v]) => labels2[k] === v);
  });
  return like.length === 1 ? { kind: "endpoint", endpoint: e, like: like[0] } : { kind: "endpoint", endpoint: e };
}
function labelledOthers(ns, list6, all) {
  const reps = list6.filter((e) => e.type === "synthetic");
  if (reps.length < 2 || !all.some((e) => e.type === "workload")) return void 0;
  const first = reps[0].labels;
  const labels2 = Object.keys(first).filter((k) => first[k] !== "*" && reps.every((e) => e.labels[k] === first[k])).sort().map((k) => [k, first[k]]);
  if (labels2.length === 0) return void 0;
  const ids = new Set(reps.map((e) => e.id));
  const carries = (e) => e.type === "synthetic" && labels2.every(([k, v]) => e.labels[k] === v);
  if (all.some((e) => carries(e) && !ids.has(e.id))) return void 0;
  return { kind: "labelled-others", namespace: ns, labels: labels2, endpoints: reps };
}
function isPod(e) {
  return e.type === "workload" || e.type === "synthetic";
}
function addressCount(endpoints) {
  const ranges = [];
  for (const e of endpoints) if (e.type === "external") ranges.push(...e.ranges);
  return ranges.length === 0 ? 0n : countAddresses(ranges);
}
function cost(terms) {
  return terms.reduce((n, t) => n + 1 + ("except" in t ? t.except.length : 0), 0);
}
var CHANGE_TYPES = ["added", "removed", "changed"];
var ENDPOINT_CHANGES = [null, "added", "removed"];
function child2(map, key) {
  let next = map.get(key);
  if (!next) map.set(key, next = /* @__PURE__ */ new Map());
  return next;
}
function violationsByChange(violations) {
  const out = /* @__PURE__ */ new Map();
  for (const v of violations) {
    const list6 = out.get(v.change) ?? [];
    list6.push(v);
    out.set(v.change, list6);
  }
  return out;
}
var NONE = [];
function violationsInStep(gate, changes) {
  const violations = gate.violations;
  const flows = violations.slice(gate.exposureViolations);
  const start = new Int32Array(changes.length).fill(-1);
  const count = new Int32Array(changes.length);
  let i = 0;
  for (let j = 0; j < flows.length; j++) {
    const c = flows[j].change;
    if (changes[i] !== c || count[i] === 0 || start[i] + count[i] !== j) {
      while (i < changes.length && changes[i] !== c) i++;
      if (i === changes.length || count[i] > 0) {
        const byChange = violationsByChange(violations);
        return (k) => byChange.get(changes[k]) ?? NONE;
      }
      start[i] = j;
    }
    count[i]++;
  }
  return (k) => count[k] === 0 ? NONE : flows.slice(start[k], start[k] + count[k]);
}
function addPart(bucket, c, i) {
  const d = c.dst;
  let entry2 = bucket.perDst.get(d);
  if (!entry2) bucket.perDst.set(d, entry2 = { dst: d, srcs: [], self: false, parts: [] });
  entry2.srcs.push(c.src);
  if (c.src === d || c.src.id === d.id) entry2.self = true;
  entry2.parts.push(i);
}
var grouped = /* @__PURE__ */ new WeakMap();
function groupChanges(report) {
  const known = grouped.get(report.changes);
  const same = known && known.of.universe === report.universe && known.of.gate === report.gate && known.of.endpoints === report.endpoints && known.of.exposureChanges === report.exposureChanges;
  if (same) return known.grouping;
  const grouping = groupAll(report);
  grouped.set(report.changes, { of: report, grouping });
  return grouping;
}
function groupAll(report) {
  const index = new UniverseIndex(report.universe, report.endpoints);
  const violationsOf = violationsInStep(report.gate, report.changes);
  const buckets = { opened: /* @__PURE__ */ new Map(), closed: /* @__PURE__ */ new Map() };
  const order = { opened: [], closed: [] };
  const ids = /* @__PURE__ */ new Map();
  const idOf = (text2) => {
    let n = ids.get(text2);
    if (n === void 0) ids.set(text2, n = ids.size);
    return n;
  };
  const connIds = /* @__PURE__ */ new Map();
  const connId = (c) => {
    let n = connIds.get(c);
    if (n === void 0) connIds.set(c, n = idOf(c.toString()));
    return n;
  };
  const facets = /* @__PURE__ */ new Map();
  const reasonsOf = (c, facet) => {
    let f = facets.get(c.why);
    if (f === void 0) {
      const of = (x) => {
        const reasons2 = facetReasons(c, x);
        return { reasons: reasons2, id: idOf(reasons2.map(reasonKey).sort().join("")) };
      };
      facets.set(c.why, f = { opened: of("opened"), closed: of("closed") });
    }
    return f[facet];
  };
  const single = /* @__PURE__ */ new Map();
  const gateId = (hits) => {
    if (hits.length === 0) return 0;
    if (hits.length === 1) {
      const v = hits[0];
      let byRule = single.get(v.conn);
      if (!byRule) single.set(v.conn, byRule = /* @__PURE__ */ new Map());
      let n = byRule.get(v.rule);
      if (n === void 0) byRule.set(v.rule, n = 1 + idOf(`${v.rule} ${connId(v.conn)}`));
      return n;
    }
    return 1 + idOf(hits.map((v) => `${v.rule} ${connId(v.conn)}`).sort().join(","));
  };
  const last = { opened: /* @__PURE__ */ new Map(), closed: /* @__PURE__ */ new Map() };
  const asExposure = controllerFlows(report);
  report.changes.forEach((c, i) => {
    if (c.src.type === "ingress-controller") return;
    for (const facet of ["opened", "closed"]) {
      const conn = facet === "opened" ? c.opened : c.closed;
      if (conn.isEmpty || asExposure(c, facet, conn)) continue;
      const hits = facet === "opened" ? violationsOf(i) : NONE;
      const prev = last[facet].get(c.why);
      if (prev && prev.conn === conn && prev.type === c.type && prev.endpoint === c.endpoint && sameHits(prev.hits, hits)) {
        addPart(prev.bucket, c, i);
        continue;
      }
      const { reasons: reasons2, id: reasonsId } = reasonsOf(c, facet);
      const shape = CHANGE_TYPES.indexOf(c.type) * 3 + ENDPOINT_CHANGES.indexOf(c.endpoint);
      const byConn = child2(buckets[facet], shape);
      const byReasons = child2(byConn, connId(conn));
      const byGate = child2(byReasons, reasonsId);
      const g = gateId(hits);
      let bucket = byGate.get(g);
      if (!bucket) {
        bucket = { change: c, conn, reasons: reasons2, gate: hits.map((v) => ({ rule: v.rule, conn: v.conn })), perDst: /* @__PURE__ */ new Map() };
        byGate.set(g, bucket);
        order[facet].push(bucket);
      }
      addPart(bucket, c, i);
      last[facet].set(c.why, { conn, type: c.type, endpoint: c.endpoint, hits, bucket });
    }
  });
  const build2 = (facet) => order[facet].flatMap((bucket) => collapse(facet, bucket, report.changes, index)).sort((a, b) => Number(b.group.gate.length > 0) - Number(a.group.gate.length > 0) || a.first - b.first).map((g) => g.group);
  const opened = build2("opened");
  const closed = build2("closed");
  return { opened, closed, violating: opened.filter((g) => g.gate.length > 0), ...flowCounts(opened, closed) };
}
function controllerFlows(report) {
  const byDst = /* @__PURE__ */ new Map();
  let ctl;
  for (const x of report.exposureChanges ?? []) {
    if (x.src.type !== "ingress-controller" || !x.src.controller.named) continue;
    ctl = x.src.controller;
    const known = byDst.get(x.dst.id);
    const opened = newlyOpened(x);
    const closed = newlyClosed(x);
    byDst.set(x.dst.id, known ? { opened: known.opened.union(opened), closed: known.closed.union(closed) } : { opened, closed });
  }
  if (ctl === void 0) return () => false;
  const c0 = ctl;
  const isController = (e) => e.type === "workload" && e.pod.namespace === c0.namespace && Object.entries(c0.labels).every(([k, v]) => e.pod.labels[k] === v);
  return (c, facet, conn) => {
    const said = byDst.get(c.dst.id);
    return said !== void 0 && isController(c.src) && conn.subtract(said[facet]).isEmpty;
  };
}
function flowCounts(opened, closed) {
  const asFlow = /* @__PURE__ */ new Map();
  const name2 = (groups2, facet) => groups2.forEach((g, k) => {
    if (!g.changes.some(hasRepresentative)) return;
    for (const [c, key] of flowKeys(g, `~${facet}${k}:`)) if (hasRepresentative(c) && !asFlow.has(c)) asFlow.set(c, key);
  });
  name2(opened, "opened");
  name2(closed, "closed");
  const counted = /* @__PURE__ */ new Set();
  for (const g of [...opened, ...closed]) for (const c of g.changes) if (!hasRepresentative(c)) counted.add(c);
  const sum = (groups2) => groups2.reduce((n, g) => n + groupFlows(g), 0);
  return { openedFlows: sum(opened), closedFlows: sum(closed), changedFlows: counted.size + new Set(asFlow.values()).size };
}
function unitsOf(set) {
  const byTerm = /* @__PURE__ */ new Map();
  set.terms.forEach((t, k) => {
    if (t.kind === "other-namespaces" || t.kind === "labelled-others") for (const e of t.endpoints) byTerm.set(e.id, `t${k}`);
    else if (t.kind === "endpoint" && t.endpoint.type === "synthetic") byTerm.set(t.endpoint.id, JSON.stringify(t.endpoint.id));
  });
  const units = /* @__PURE__ */ new Map();
  return (e) => {
    let u = units.get(e);
    if (u === void 0) {
      u = e.type !== "synthetic" ? JSON.stringify(e.id) : byTerm.get(e.id) ?? `n${e.pod.namespace.startsWith("[") ? "[" : JSON.stringify(e.pod.namespace)}`;
      units.set(e, u);
    }
    return u;
  };
}
function flowKeys(g, tag) {
  const src = unitsOf(g.sources);
  const dst = unitsOf(g.destinations);
  const side2 = (unitOf) => {
    const tagged = /* @__PURE__ */ new Map();
    return (e) => {
      let u = tagged.get(e);
      if (u === void 0) {
        u = e.type === "synthetic" ? `${tag}${unitOf(e)}` : unitOf(e);
        tagged.set(e, u);
      }
      return u;
    };
  };
  const srcSide = side2(src);
  const dstSide = side2(dst);
  return new Map(g.changes.map((c) => [c, `${srcSide(c.src)} ${dstSide(c.dst)}`]));
}
var flowsOf = /* @__PURE__ */ new WeakMap();
function groupFlows(g) {
  let n = flowsOf.get(g);
  if (n === void 0) {
    n = g.changes.some(hasRepresentative) ? new Set(flowKeys(g, "").values()).size : g.changes.length;
    flowsOf.set(g, n);
  }
  return n;
}
function hasRepresentative(c) {
  return c.src.type === "synthetic" || c.dst.type === "synthetic";
}
function sameHits(a, b) {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let k = 0; k < a.length; k++) if (a[k].rule !== b[k].rule || a[k].conn !== b[k].conn) return false;
  return true;
}
function collapse(facet, bucket, changes, index) {
  return rectangles(bucket, index).map((r) => {
    const sorted2 = Int32Array.from(r.parts).sort();
    const [srcs, dsts] = displaySets(r.srcs, r.dsts, index);
    return {
      first: sorted2[0],
      group: {
        facet,
        type: bucket.change.type,
        endpoint: bucket.change.endpoint,
        conn: bucket.conn,
        reasons: bucket.reasons,
        gate: bucket.gate,
        sources: srcs,
        destinations: dsts,
        changes: Array.from(sorted2, (i) => changes[i])
      }
    };
  });
}
function rectangles(bucket, index) {
  const perDst = /* @__PURE__ */ new Map();
  for (const entry2 of bucket.perDst.values()) {
    const known = perDst.get(entry2.dst.id);
    if (!known) perDst.set(entry2.dst.id, entry2);
    else {
      for (const x of entry2.srcs) known.srcs.push(x);
      for (const p of entry2.parts) known.parts.push(p);
      known.self ||= entry2.self;
    }
  }
  if (perDst.size === 1) {
    const [only] = perDst.values();
    return [{ srcs: index.sorted(only.srcs), dsts: [only.dst], parts: only.parts }];
  }
  const keyOf = (set) => ({ set, key: UniverseIndex.keyOf(set) });
  const options = [...perDst.values()].map((entry2) => {
    const plain2 = keyOf(index.sorted(entry2.srcs));
    const padded = entry2.dst.type === "workload" && !entry2.self ? keyOf(index.with(plain2.set, entry2.dst)) : null;
    return { entry: entry2, plain: plain2, padded };
  });
  const takers = /* @__PURE__ */ new Map();
  for (const o of options) for (const k of [o.plain, o.padded]) if (k) takers.set(k.key, (takers.get(k.key) ?? 0) + 1);
  const perSrcSet = /* @__PURE__ */ new Map();
  for (const { entry: entry2, plain: plain2, padded } of options) {
    const pick = padded && takers.get(padded.key) > takers.get(plain2.key) ? padded : plain2;
    let r = perSrcSet.get(pick.key);
    if (!r) {
      r = { srcs: pick.set, dsts: [], parts: [] };
      perSrcSet.set(pick.key, r);
    }
    r.dsts.push(entry2.dst);
    for (const p of entry2.parts) r.parts.push(p);
  }
  return [...perSrcSet.values()];
}
function displaySets(sources, dsts, index) {
  const srcs = "positions" in sources ? sources : index.sorted(sources);
  const shorter = (set, self) => {
    const without = index.without(set, self);
    const withSelf = without === set ? index.with(set, self) : set;
    const a = index.describe(without);
    const b = index.describe(withSelf);
    return cost(b.terms) < cost(a.terms) ? b : a;
  };
  const only = (set) => set.length === 1 && set[0].type === "workload" ? set[0] : void 0;
  const d = only(dsts);
  const s = d ? shorter(srcs, d) : index.describe(srcs);
  const single = s.endpoints.length === 1 && s.endpoints[0].type === "workload" ? s.endpoints[0] : void 0;
  return [s, single ? shorter(index.sorted(dsts), single) : index.describe(dsts)];
}
function cmp6(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/render/dns-loss.ts
function dnsLoss(report) {
  const ids = report.nameServers === void 0 ? void 0 : new Set(report.nameServers);
  const serves = ids === void 0 ? servesDns : (e) => ids.has(e.id);
  const anyServer = report.universe.some(serves);
  const removed = new Set(report.workloadChanges.filter((w) => w.change === "removed").map((w) => w.workload.id));
  const sources = [];
  const servers = [];
  let udp = false;
  let tcp = false;
  const consider = (closed, srcs, dsts) => {
    const lost = closed.intersect(DNS);
    if (lost.isEmpty) return;
    const losing = srcs.filter((s) => s.type !== "external" && !removed.has(s.id));
    const named = dsts.filter((d) => isNameServer(d, anyServer, serves));
    let any = false;
    for (const s of losing) if (named.some((d) => d.id !== s.id)) sources.push(s);
    for (const d of named) {
      if (!losing.some((s) => s.id !== d.id)) continue;
      servers.push(d);
      any = true;
    }
    if (!any) return;
    udp ||= !lost.ports("UDP").isEmpty;
    tcp ||= !lost.ports("TCP").isEmpty;
  };
  for (const g of groupChanges(report).closed) consider(g.conn, g.sources.endpoints, g.destinations.endpoints);
  for (const c of report.exposureChanges) if (c.source === "ingress-controller" && !c.closed.isEmpty) consider(c.closed, [c.src], [c.dst]);
  if (sources.length === 0) return null;
  const index = new UniverseIndex(report.universe, report.endpoints);
  const protocols = [];
  if (udp) protocols.push("UDP");
  if (tcp) protocols.push("TCP");
  return { sources: index.describe(sources), servers: index.describe(servers), protocols };
}

// src/render/conn-words.ts
var SPOKEN = ["TCP", "UDP", "SCTP"];
var MAX_EXCEPT2 = 3;
var PLAIN = { text: (s) => s, code: (s) => s };
function connWords(c, f = PLAIN) {
  return words(c, f).text;
}
function words(c, f) {
  if (c.isEmpty) return { text: "no connections", complement: false };
  if (c.isAll) return { text: "all connections", complement: false };
  const direct = phrases(c, f);
  const rest = ConnSet.ALL.subtract(c);
  const named = SPOKEN.some((p) => c.ports(p).names.length > 0);
  if (!named && !rest.isEmpty) {
    const complement = phrases(rest, PLAIN);
    if (weight(complement) < weight(direct) && weight(complement) <= MAX_EXCEPT2) return { text: `all but ${join(complement)}`, complement: true };
  }
  return { text: join(direct), complement: direct.some((p) => p.complement) };
}
function phrases(c, f) {
  const bySet = [];
  for (const p of SPOKEN) {
    const ports = c.ports(p);
    if (ports.isEmpty) continue;
    const same = bySet.find((x) => x.ports.equals(ports));
    if (same) same.protocols.push(p);
    else bySet.push({ protocols: [p], ports });
  }
  return bySet.map(({ protocols, ports }) => {
    const who = andList(protocols);
    if (ports.isAll) return { text: `all ${who}`, weight: 1 };
    const holes = PortSet.ALL.subtract(ports);
    const count = ports.ranges.length / 2 + ports.names.length;
    const holeCount = holes.ranges.length / 2;
    if (ports.names.length === 0 && holeCount < count && holeCount <= MAX_EXCEPT2) {
      return { text: `all ${who} except ${rangeList(holes.ranges)}`, weight: holeCount, complement: true };
    }
    const numbers = rangeList(ports.ranges, (port3) => portName(protocols, port3, f));
    return { text: `${who} ${[numbers, ...ports.names.map(f.text)].filter((s) => s !== "").join(", ")}`, weight: count };
  });
}
var weight = (ps) => ps.reduce((n, p) => n + p.weight, 0);
var join = (ps) => ps.map((p) => p.text).join("; ");
function rangeList(ranges, name2 = () => void 0) {
  return format(ranges).split(",").filter((s) => s !== "").map((s) => {
    const n = /^\d+$/.test(s) ? name2(Number(s)) : void 0;
    return n === void 0 ? s : `${s} (${n})`;
  }).join(", ");
}
function portName(protocols, port3, f) {
  if (!f.names) return void 0;
  const names = new Set(protocols.map((p) => f.names(p, port3)));
  const [only] = names;
  return names.size === 1 && only !== void 0 ? f.code(only) : void 0;
}
function portNames(destinations) {
  const byPort = /* @__PURE__ */ new Map();
  for (const d of destinations) {
    if (d.type === "external") continue;
    for (const p of d.pod.ports) {
      if (p.port === 0) continue;
      const key = `${p.protocol} ${p.port}`;
      const name2 = p.name ?? null;
      const seen = byPort.get(key);
      if (seen === void 0) byPort.set(key, name2);
      else if (seen !== name2) byPort.set(key, null);
    }
  }
  return (protocol, port3) => byPort.get(`${protocol} ${port3}`) ?? void 0;
}
function changeWords(base2, head, f = PLAIN) {
  if (base2.isEmpty) return connWords(head, f);
  if (head.isEmpty) return connWords(base2, f);
  return `was ${connWords(base2, f)}, now ${connWords(head, f)}`;
}
var MAX_CHANGES = 2;
function groupChangeWords(changes, delta, f = PLAIN) {
  const plain2 = words(delta, f);
  if (!plain2.complement) return plain2.text;
  const distinct2 = [];
  for (const c of changes) {
    if (distinct2.some((d) => (d.base === c.base || d.base.equals(c.base)) && (d.head === c.head || d.head.equals(c.head)))) continue;
    distinct2.push(c);
    if (distinct2.length > MAX_CHANGES) return plain2.text;
  }
  return distinct2.map((d) => changeWords(d.base, d.head, f)).join("; ");
}
function andList(items) {
  return items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

// src/render/reason-words.ts
function reasonWords(r) {
  const head = r.side === "head";
  switch (r.effect) {
    case "allows":
      return head ? { before: "allowed by", after: "" } : { before: "no longer allowed by", after: "" };
    case "isolates": {
      if (head) return { before: "now selected by", after: `(isolates ${r.direction})` };
      return { before: "no longer isolated by", after: `(${r.direction})` };
    }
    case "denies":
      return head ? { before: "denied by", after: "" } : { before: "no longer denied by", after: "" };
    case "passes":
      return head ? { before: "passed on by", after: "" } : { before: "no longer passed on by", after: "" };
  }
}
function reasonName(r, code, text2) {
  const a = r.admin;
  if (a === void 0) return `${code(r.policy)}${r.rule ? ` ${text2(r.rule)}` : ""}`;
  const rank = a.priority === null ? a.tier : `${a.tier}, priority ${a.priority}`;
  const rule = a.ruleName !== null ? `${r.direction} rule ${code(a.ruleName)}` : text2(r.rule ?? "");
  return `${text2(a.kind)} ${code(a.name)} (${rank}) ${rule}`;
}
function endpointNote(endpoint) {
  if (endpoint === "added") return "involves a workload added in this change";
  if (endpoint === "removed") return "involves a workload removed in this change";
  return null;
}
function workloadWords(w, restricted) {
  if (w.change === "removed") return "its flows close with it";
  const state = (o, d) => o === "none" ? `no ${d}` : o === "all" ? `${d} open to everything` : restricted(d);
  const isolated = w.ingress === "none" && w.egress === "none" ? "isolated \u2014 " : "";
  return `${isolated}${state(w.ingress, "ingress")}, ${state(w.egress, "egress")}, ${w.dns ? "DNS allowed" : "no DNS"}`;
}

// src/render/exposure-words.ts
var MAX_CHAINS = 3;
var MAX_REASONS = 4;
function exposureSentence(c, facet, f) {
  const part = facet === "opened" ? newlyOpened(c) : newlyClosed(c);
  const conn = part.isEmpty ? facet === "opened" ? c.opened : c.closed : part;
  const side2 = facet === "opened" ? "head" : "base";
  const chains = chainWords(facet === "opened" ? c.via.head : c.via.base, conn, side2, f);
  const from = sourceWords(c, f);
  const what = `${f.code(c.dst.id)} ${f.text(connWords(conn))}`;
  const policy = policyWords(c, facet, f);
  const tail = policy === "" ? "" : `; ${policy}`;
  if (facet === "opened") return `${what} newly reachable from ${from}${chains === "" ? "" : ` through ${chains}`}${tail}`;
  return `${what} no longer reachable from ${from}${chains === "" ? "" : ` (was through ${chains})`}${tail}`;
}
function movedExposures(changes) {
  const byDst = /* @__PURE__ */ new Map();
  for (const c of changes) {
    if (c.moved === void 0 || c.moved.public.isEmpty) continue;
    const m = byDst.get(c.dst.id);
    if (m === void 0) byDst.set(c.dst.id, { dst: c.dst, conn: c.moved.public, base: [...c.moved.via.base], head: [...c.moved.via.head] });
    else {
      m.conn = m.conn.union(c.moved.public);
      m.base.push(...c.moved.via.base);
      m.head.push(...c.moved.via.head);
    }
  }
  return [...byDst.values()];
}
function movedSentence(m, f) {
  const before = new Set(m.base.map((c) => chainKey(c.chain)));
  const after = new Set(m.head.map((c) => chainKey(c.chain)));
  const added = m.head.filter((c) => !before.has(chainKey(c.chain)));
  const removed = m.base.filter((c) => !after.has(chainKey(c.chain)));
  const what = `${f.code(m.dst.id)} ${f.text(connWords(m.conn))}`;
  const was = fromWords(m.base, m.conn, "base", f);
  if (added.length === 0) return `${what} still reachable ${fromWords(m.head, m.conn, "head", f)}; no longer ${fromWords(removed, m.conn, "base", f)}`;
  if (removed.length === 0) return `${what} already reachable ${was}; now also ${fromWords(added, m.conn, "head", f)}`;
  return `${what} moved: was reachable ${was}; now ${fromWords(m.head, m.conn, "head", f)}`;
}
function fromWords(via, conn, side2, f) {
  const internet = via.filter((c) => c.chain[0]?.kind === "Service");
  const controller = via.filter((c) => c.chain[0]?.kind !== "Service");
  return [
    ...internet.length > 0 ? [`from the internet through ${chainWords(internet, conn, side2, f)}`] : [],
    ...controller.length > 0 ? [`from the ingress controller through ${chainWords(controller, conn, side2, f)}`] : []
  ].join(" and ");
}
function sourceWords(c, f) {
  const src = c.src;
  if (src.type === "ingress-controller") return src.controller.named ? `the ingress controller (${f.code(src.controller.namespace)})` : "the ingress controller";
  if (src.cidrs.length === 1 && src.cidrs[0] === "0.0.0.0/0") return "the internet";
  if (src.cidrs.length === 1 && src.cidrs[0] === "::/0") return "the internet (IPv6)";
  return `addresses ${f.code(src.id)}`;
}
function chainWords(via, conn, side2, f) {
  const seen = /* @__PURE__ */ new Set();
  const words2 = [];
  for (const c of via) {
    if (c.conn.intersect(conn).isEmpty) continue;
    const w = c.chain.map((h) => `${f.hop(h, side2)} (${f.text(h.detail)})`).join(" \u2192 ");
    if (seen.has(w)) continue;
    seen.add(w);
    words2.push(w);
  }
  if (words2.length > MAX_CHAINS) return `${words2.slice(0, MAX_CHAINS - 1).join(", ")} and ${words2.length - MAX_CHAINS + 1} more`;
  return words2.join(", ");
}
function policyWords(c, facet, f) {
  const reasons2 = c.why.map((r) => {
    const w = reasonWords(r);
    return [w.before, f.reason(r), w.after].filter((s) => s !== "").join(" ");
  });
  if (reasons2.length > 0) return reasons2.length > MAX_REASONS ? `${reasons2.slice(0, MAX_REASONS - 1).join("; ")}; and ${reasons2.length - MAX_REASONS + 1} more` : reasons2.join("; ");
  if (facet === "opened" && c.isolated.head === false) return "no NetworkPolicy selects it for ingress";
  return "";
}

// src/render/set-words.ts
function termWords(t, role, code, like = NO_LIKE) {
  const except = "except" in t && t.except.length > 0 ? ` except ${t.except.map((e) => endpointWords(e, code)).join(" and ")}` : "";
  switch (t.kind) {
    case "everything":
      if (t.declaredOnly) return `every declared workload${except} and any external address`;
      return (role === "source" ? "any source" : role === "destination" ? "any destination" : "everything") + except;
    case "all-pods":
      if (t.declaredOnly) return `every declared workload${except}`;
      return (role === "source" ? "any pod" : "every pod") + except;
    case "namespace": {
      const ns = t.namespace === "[*]" ? "any other namespace" : t.namespace.startsWith("[") ? `any namespace ${code(t.namespace)}` : code(t.namespace);
      if (t.declaredOnly) return `every declared workload in ${ns}${except}`;
      return (role === "source" ? `any pod in ${ns}` : role === "destination" ? `every pod in ${ns}` : `pods in ${ns}`) + except;
    }
    case "labelled-others":
      return `other pods labelled ${labelList(t.labels, code)} in ${code(t.namespace)}`;
    case "other-namespaces":
      return otherNamespacesWords(t.namespaces, t.all, t.pod, code);
    case "all-externals":
      return "any external address";
    case "endpoint":
      return like.get(t.endpoint.id) ?? (t.like !== void 0 ? likeWords(t.endpoint, t.like, code) : void 0) ?? endpointWords(t.endpoint, code);
  }
}
var NO_LIKE = /* @__PURE__ */ new Map();
function likeWords(e, w, code) {
  if (e.type !== "synthetic" || w.type !== "workload" || e.words !== void 0 && (e.words.without.length > 0 || e.words.other)) return void 0;
  const labels2 = e.pod.labels;
  const extra = Object.keys(labels2).filter((k) => w.pod.labels[k] !== labels2[k]).sort();
  if (extra.length === 0 || extra.some((k) => labels2[k] === "*" || labels2[k] === OTHER)) return void 0;
  return `pods labelled ${labelList(extra.map((k) => [k, labels2[k]]), code)} with the labels of ${code(w.id)}`;
}
var OTHER = "\0other";
function likeWorkloads(s, code) {
  const out = /* @__PURE__ */ new Map();
  let byNamespace;
  for (const e of s.endpoints) {
    if (e.type !== "synthetic" || e.words !== void 0 && (e.words.without.length > 0 || e.words.other)) continue;
    if (byNamespace === void 0) {
      byNamespace = /* @__PURE__ */ new Map();
      for (const w of s.endpoints) if (w.type === "workload") byNamespace.set(w.pod.namespace, [...byNamespace.get(w.pod.namespace) ?? [], w]);
    }
    const workloads = byNamespace.get(e.pod.namespace) ?? [];
    if (workloads.length === 0) continue;
    const labels2 = e.pod.labels;
    const first = workloads[0].pod.labels;
    const shared = Object.keys(first).filter((k) => workloads.every((w) => w.pod.labels[k] === first[k]));
    const base2 = Object.keys(labels2).filter((k) => labels2[k] === first[k] && shared.includes(k));
    const extra = Object.keys(labels2).filter((k) => !base2.includes(k)).sort();
    if (base2.length === 0 || base2.length !== shared.length || extra.length === 0 || extra.some((k) => labels2[k] === "*" || labels2[k] === OTHER)) continue;
    const theirs = workloads.length === 1 ? "its labels" : "the labels they share";
    out.set(e.id, `pods labelled ${labelList(extra.map((k) => [k, labels2[k]]), code)} with ${theirs}`);
  }
  return out;
}
function endpointWords(e, code) {
  if (e.type !== "synthetic") return code(e.id);
  if (e.id === "[*]/[*]") return "any pod in any other namespace";
  return e.words !== void 0 ? representativeWords2(e.words, code) : selectorWords(e.pod.namespace, e.id.slice(e.pod.namespace.length + 1), code);
}
function selectorWords(namespace, pod, code) {
  const where = namespace.startsWith("[") ? namespaceWords(parseLabels(namespace), code) : code(namespace);
  const labels2 = parseLabels(pod);
  return labels2.length === 0 ? `other pods in ${where}` : `pods labelled ${labelList(labels2, code)} in ${where}`;
}
function parseLabels(text2) {
  const inner = text2.startsWith("[") && text2.endsWith("]") ? text2.slice(1, -1) : text2;
  if (inner === "*" || inner === "") return [];
  return inner.split(",").map((kv) => {
    const eq = kv.indexOf("=");
    return [kv.slice(0, eq), kv.slice(eq + 1)];
  });
}
function labelWords([k, v], code) {
  return v === "*" ? `${code(k)} (a value no policy names)` : code(`${k}=${v}`);
}
function labelList(labels2, code) {
  return andList2(labels2.map((l) => labelWords(l, code)));
}
function namespaceWords(labels2, code) {
  return labels2.length === 0 ? "any other namespace" : `namespaces labelled ${labelList(labels2, code)}`;
}
var MAX_VALUES = 4;
function otherNamespacesWords(namespaces, all, pod, code) {
  const podLabels = pod === void 0 ? [] : parseLabels(pod);
  const any = pod === void 0 ? "any pod" : podLabels.length === 0 ? "other pods" : `pods labelled ${labelList(podLabels, code)}`;
  if (all) return `${any} in any other namespace`;
  const places = [...namespaces.includes("[*]") ? ["any other namespace"] : [], ...labelledNamespaces(namespaces.filter((n) => n !== "[*]").map(parseLabels), code)];
  return `${any} in ${places.join(" or in ")}`;
}
function labelledNamespaces(sets, code) {
  if (sets.length === 0) return [];
  const keys2 = sets[0].map(([k]) => k).join(",");
  if (sets.length > 1 && sets.every((l) => l.map(([k]) => k).join(",") === keys2)) {
    const values = sets[0].map((_, i) => [...new Set(sets.map((l) => l[i][1]))]);
    if (values.reduce((n, v) => n * v.length, 1) === sets.length) {
      const parts = sets[0].map(([k], i) => {
        const vs = values[i];
        if (vs.length === 1) return labelWords([k, vs[0]], code);
        const named = vs.filter((v) => v !== "*");
        const shown = named.length > MAX_VALUES ? [...named.slice(0, MAX_VALUES - 1).map((v) => code(v)), `${named.length - MAX_VALUES + 1} more`] : named.map((v) => code(v));
        if (named.length < vs.length) shown.push("a value no policy names");
        return `${code(k)} one of ${orList(shown)}`;
      });
      return [`namespaces labelled ${andList2(parts)}`];
    }
  }
  const alternatives = sets.map((l) => namespaceWords(l, code));
  return alternatives.length > MAX_VALUES ? [...alternatives.slice(0, MAX_VALUES - 1), `${alternatives.length - MAX_VALUES + 1} more kinds of namespace no policy names`] : alternatives;
}
function representativeWords2(w, code) {
  const labels2 = w.with.map((l) => l.value !== null ? code(`${l.key}=${l.value}`) : l.notValues.length === 0 ? code(l.key) : `${code(l.key)} other than ${orList(l.notValues.map(code))}`);
  const withWords = labels2.length > 0 ? ` with ${andList2(labels2)}` : "";
  const without = w.without.length > 0 ? `${labels2.length > 0 ? " but not" : " without"} ${orList(w.without.map(code))}` : "";
  return `${w.other ? "other " : ""}pods in ${code(w.namespace)}${withWords}${without}`;
}
function orList(words2) {
  if (words2.length <= 1) return words2.join("");
  return `${words2.slice(0, -1).join(", ")} or ${words2[words2.length - 1]}`;
}
function kindOf(t) {
  switch (t.kind) {
    case "all-externals":
      return " external";
    case "endpoint":
      return t.endpoint.type === "external" ? " external" : t.endpoint.pod.namespace;
    case "namespace":
      return t.namespace;
    case "other-namespaces":
      return "[";
    case "labelled-others":
      return t.namespace;
    default:
      return " all";
  }
}
function setWords(s, role, code, max = 5) {
  const byLabels = /* @__PURE__ */ new Map();
  for (const t of s.terms) if (t.kind === "labelled-others") {
    const key = JSON.stringify(t.labels);
    byLabels.set(key, [...byLabels.get(key) ?? [], t]);
  }
  const merged = [...byLabels.values()].filter((ts) => ts.length > 1);
  if (merged.length > 0) {
    const gone = new Set(merged.flat());
    const rest = setWords({ endpoints: s.endpoints, terms: s.terms.filter((t) => !gone.has(t)) }, role, code, Math.max(1, max - merged.length));
    const phrases2 = merged.map((ts) => `other pods labelled ${labelList(ts[0].labels, code)} in ${namespaceList(ts.map((t) => code(t.namespace)))}`);
    return andList2([...rest === "" ? [] : [rest], ...phrases2]);
  }
  const others = s.terms.filter(isOtherPods);
  if (others.length > 1) {
    const rest = termsWords(s.terms.filter((t) => !isOtherPods(t)), role, code, max - 1, likeWorkloads(s, code));
    const names = others.map((t) => code(t.endpoint.pod.namespace));
    return andList2([...rest === "" ? [] : [rest], `other pods in ${namespaceList(names)}`]);
  }
  return termsWords(s.terms, role, code, max, likeWorkloads(s, code));
}
function namespaceList(names) {
  return andList2(names.length > MAX_NAMESPACES ? [...names.slice(0, MAX_NAMESPACES - 1), `${names.length - MAX_NAMESPACES + 1} more namespaces`] : names);
}
var MAX_NAMESPACES = 4;
function isOtherPods(t) {
  if (t.kind !== "endpoint" || t.endpoint.type !== "synthetic") return false;
  const w = t.endpoint.words;
  return w !== void 0 && w.other && w.with.length === 0 && w.without.length === 0;
}
function termsWords(all, role, code, max, like = NO_LIKE) {
  const terms = [...all].sort((a, b) => cmp7(kindOf(a), kindOf(b)));
  if (terms.length <= max) return andList2(terms.map((t) => termWords(t, role, code, like)));
  const buckets = /* @__PURE__ */ new Map();
  for (const t of terms) {
    const k = kindOf(t);
    const list6 = buckets.get(k);
    if (list6) list6.push(t);
    else buckets.set(k, [t]);
  }
  const share = Math.max(1, Math.floor(max / buckets.size));
  const words2 = [];
  for (const [k, list6] of buckets) {
    const shown = list6.length > share + 1 ? list6.slice(0, share) : list6;
    words2.push(...shown.map((t) => termWords(t, role, code, like)));
    const rest = list6.length - shown.length;
    if (rest > 0) words2.push(k === " external" ? `${rest} more external address ranges` : `${rest} more in ${code(k)}`);
  }
  return andList2(words2);
}
function cmp7(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}
function andList2(words2) {
  if (words2.length <= 1) return words2.join("");
  return `${words2.slice(0, -1).join(", ")} and ${words2[words2.length - 1]}`;
}

// src/render/stops-working.ts
function breakages(report, dns, f) {
  const out = [];
  const removed = new Set(report.workloadChanges.filter((w) => w.change === "removed").map((w) => w.workload.id));
  const services = report.serviceBreakages ?? [];
  const told = /* @__PURE__ */ new Set();
  for (const c of report.exposureChanges) {
    if (newlyClosed(c).isEmpty || removed.has(c.dst.id)) continue;
    const broke = c.why.length === 0 ? brokenService(c, services) : void 0;
    if (broke) told.add(broke);
    const hop = entry(c);
    const cause2 = !broke ? exposureCause(c, sourceName(c, f), f) : hop?.kind === "Service" && `${hop.namespace}/${hop.name}` === broke.service.id ? serviceCause(broke, f) : serviceWords(broke, f, false);
    const sentence = exposureSentence(c, "closed", f);
    out.push({ kind: "exposure", short: `${exposureShort(c, f)}: ${cause2}`, full: `**No longer exposed:** ${sentence}${c.why.length === 0 ? ` \u2014 ${broke ? serviceWords(broke, f, true) : cause2}` : ""}` });
  }
  for (const s of services) if (!told.has(s)) out.push({ kind: "service", short: serviceWords(s, f, false), full: `**Forwards to nothing:** ${serviceWords(s, f, true)}` });
  if (dns) {
    const who = setWords(dns.sources, "subject", f.code);
    const protos = dns.protocols.length === 2 ? "UDP/TCP 53" : `${dns.protocols[0]} 53`;
    const toward = setWords(dns.servers, "destination", f.code, 3);
    out.push({ kind: "dns", short: `${who} can no longer resolve names (${protos} closed toward ${toward})`, full: `\u26A0\uFE0F **DNS:** ${who} can no longer resolve names (${protos} closed toward ${toward}).` });
  }
  for (const c of cutOffGroups(report)) out.push({ kind: "cut-off", short: cutOffWords(c, f), full: `**No ${c.direction} at all:** ${cutOffWords(c, f)}` });
  return out;
}
function exposureRisk(c, f) {
  let hop;
  for (const v of c.via.head) if (!v.conn.intersect(c.opened).isEmpty && v.chain.length > 0) {
    hop = v.chain[0];
    break;
  }
  const through = hop ? ` through ${f.text(hop.kind)} ${f.code(`${hop.namespace}/${hop.name}`)}` : "";
  return `${f.code(c.dst.id)} ${f.text(connWords(c.opened))} newly reachable from ${sourceName(c, f)}${through}`;
}
function sourceName(c, f) {
  const src = c.src;
  if (src.type === "ingress-controller") return "the ingress controller";
  if (src.cidrs.length === 1 && (src.cidrs[0] === "0.0.0.0/0" || src.cidrs[0] === "::/0")) return "the internet";
  return `addresses ${f.code(src.id)}`;
}
function entry(c) {
  for (const v of c.via.base) if (!v.conn.intersect(c.closed).isEmpty && v.chain.length > 0) return v.chain[0];
  return void 0;
}
function exposureShort(c, f) {
  const hop = entry(c);
  const from = sourceName(c, f);
  const through = hop ? `${f.text(hop.kind)} ${f.code(`${hop.namespace}/${hop.name}`)}` : "";
  const where = c.src.type === "ingress-controller" && through !== "" ? `through ${through}` : `from ${from}${through !== "" ? ` through ${through}` : ""}`;
  return `${f.code(c.dst.id)} ${f.text(connWords(c.closed))} no longer reachable ${where}`;
}
function brokenService(c, services) {
  for (const v of c.via.base) {
    if (v.conn.intersect(c.closed).isEmpty) continue;
    for (const h of v.chain) {
      if (h.kind !== "Service") continue;
      const s = services.find((x) => x.service.id === `${h.namespace}/${h.name}` && x.before.includes(c.dst.id));
      if (s) return s;
    }
  }
  return void 0;
}
function exposureCause(c, from, f) {
  const r = c.why[0];
  if (r !== void 0) return causeWords(r, from, f);
  const carried = c.via.head.some((v) => !v.conn.intersect(c.closed).isEmpty);
  return carried ? "the policies no longer admit it" : "no Service or route sends it that traffic any more";
}
function causeWords(r, from, f) {
  const name2 = f.reason(r);
  if (r.side === "head" && r.effect === "isolates") return `${name2} now blocks ${from}`;
  if (r.side === "head" && r.effect === "denies") return `${name2} now denies ${from}`;
  if (r.side === "base" && r.effect === "allows") return `${name2} no longer admits ${from}`;
  return `${name2} (${r.side === "head" ? "now" : "before"} ${r.effect})`;
}
function serviceWords(s, f, full) {
  const port3 = `${s.port.protocol === "TCP" ? "" : `${s.port.protocol} `}port ${s.port.port}${s.port.name !== void 0 ? ` (${f.code(s.port.name)})` : ""}`;
  const what = `Service ${f.code(s.service.id)} ${port3}`;
  const routes = s.routes.length === 0 ? "" : `${s.routes.slice(0, 3).map((r) => `${f.text(r.kind)} ${f.code(r.id)}`).join(", ")}${s.routes.length > 3 ? ` and ${s.routes.length - 3} more` : ""}`;
  const cause2 = serviceCause(s, f);
  const at3 = full ? ` (${f.at(s.port.source.file, s.port.source.line, "head")})` : "";
  const via = routes === "" ? "" : full ? `; ${routes} ${s.routes.length === 1 ? "sends" : "send"} to it` : ` (behind ${routes})`;
  if (full) return `${what}: ${cause2}${at3}${via}`;
  return `${what}${via} now forwards to nothing: ${cause2}`;
}
function serviceCause(s, f) {
  return s.cause.kind === "target-port" ? `targetPort ${f.code(s.cause.name)} now names no ${s.port.protocol} container port of ${list(s.cause.workloads, f)}` : `its selector now matches no pod (was ${list(s.before, f)})`;
}
function list(ids, f) {
  const shown = ids.slice(0, 3).map((id) => f.code(id));
  return ids.length > 3 ? `${shown.join(", ")} and ${ids.length - 3} more` : shown.length === 2 ? shown.join(" and ") : shown.join(", ");
}
function cutOffGroups(report) {
  const list6 = report.cutOff ?? [];
  if (list6.length === 0) return [];
  const byId2 = new Map(report.universe.map((e) => [e.id, e]));
  const groups2 = /* @__PURE__ */ new Map();
  for (const c of list6) {
    const key = `${c.direction}\0${c.policies.join("\0")}`;
    const e = byId2.get(c.workload);
    if (e === void 0) continue;
    const g = groups2.get(key);
    if (g) g.ids.push(e);
    else groups2.set(key, { c, ids: [e] });
  }
  const index = new UniverseIndex(report.universe, report.endpoints);
  return [...groups2.values()].map(({ c, ids }) => ({ direction: c.direction, policies: c.policies, workloads: index.describe(ids), count: ids.length }));
}
function cutOffWords(c, f) {
  const who = setWords(c.workloads, "subject", f.code);
  const by = c.policies.slice(0, 2).map((p) => f.code(p)).join(", ") + (c.policies.length > 2 ? ` and ${c.policies.length - 2} more` : "");
  const allow = c.policies.length === 1 ? "which allows nothing" : "which allow nothing";
  return c.direction === "ingress" ? `${who}: nothing can reach ${c.count === 1 ? "it" : "them"} any more (isolated for ingress by ${by}, ${allow})` : `${who}: ${c.count === 1 ? "it" : "they"} can send nothing any more (isolated for egress by ${by}, ${allow})`;
}

// src/render/escape.ts
function md(text2) {
  return text2.replace(/[\r\n]+/g, " ").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_{}[\]()#+!|~]/g, (c) => `\\${c}`).replace(/@/g, "@\u200B").replace(/:\/\//g, ":/\u200B/").replace(/\bwww\./gi, (w) => `${w.slice(0, 3)}\u200B.`);
}
function mdCode(text2) {
  const clean2 = text2.replace(/[\r\n]+/g, " ").replace(/`/g, "\u02CB").replace(/\|/g, "\xA6");
  return "`" + clean2 + "`";
}
function csvCell(text2) {
  const guarded = /^[=+\-@\t\r]/.test(text2) ? `'${text2}` : text2;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
function visibleControls(text2) {
  return text2.replace(/[\u0000-\u0008\u000b-\u001f\u007f\u009b]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
function plain(text2) {
  return visibleControls(text2).replace(/\n/g, "\\n");
}

// src/render/cell-code.ts
var CELL_RUN = 16;
var MAX_RUN = 20;
var ZWSP = "\u200B";
function cellCode(text2) {
  return mdCode(text2.length <= CELL_RUN ? text2 : breakable(text2));
}
function cellText(text2) {
  return text2.split(/(\s+)/).map((w) => w.length > MAX_RUN ? breakable(w) : w).join("");
}
function breakable(text2) {
  let out = "";
  let run = 0;
  const add = (piece) => {
    if (piece.length > MAX_RUN && /\.(?=.)/.test(piece)) {
      for (const part of piece.split(/(?<=\.)(?=.)/)) add(part);
      return;
    }
    if (run > 0 && run + piece.length > CELL_RUN) {
      out += ZWSP;
      run = 0;
    }
    if (piece.length > MAX_RUN) {
      const size = Math.ceil(piece.length / Math.ceil(piece.length / CELL_RUN));
      let i = 0;
      for (; i + size < piece.length && piece.length - i > MAX_RUN; i += size) out += piece.slice(i, i + size) + ZWSP;
      piece = piece.slice(i);
    }
    out += piece;
    run = /[\s-]$/.test(piece) ? 0 : run + piece.length;
  };
  for (const piece of text2.split(new RegExp("(?<=[/,=\\s])|(?<=-)(?=\\p{L})|(?=\\[)", "u"))) add(piece);
  return out;
}

// src/render/mermaid.ts
var MAX_MERMAID_EDGES = 20;
var OPENED_STYLE = "stroke:#1a7f37,stroke-width:2px,color:#1a7f37";
var CLOSED_STYLE = "stroke:#cf222e,stroke-width:2px,stroke-dasharray:5 3,color:#cf222e";
function mermaidText(text2, max = 80) {
  const clean2 = text2.replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ud800-\udfff]+/g, " ");
  const cut = clean2.length > max ? clean2.slice(0, max - 1) + "\u2026" : clean2;
  return cut.replace(/[^A-Za-z0-9 ./,:=*+\-_\u00a0-\u{10ffff}]/gu, (c) => `#${c.codePointAt(0)};`);
}
function graphAdds(groups2, maxEdges = MAX_MERMAID_EDGES) {
  if (groups2.length < 2 || groups2.length > maxEdges) return false;
  const code = (s) => s;
  const touching = /* @__PURE__ */ new Map();
  for (const g of groups2) {
    const ends = /* @__PURE__ */ new Set([setWords(g.sources, "source", code, 3), setWords(g.destinations, "destination", code, 3)]);
    for (const e of ends) touching.set(e, (touching.get(e) ?? 0) + 1);
  }
  const counts2 = [...touching.values()];
  return counts2.some((n) => n > 1) && !counts2.some((n) => n === groups2.length);
}
function renderMermaid(groups2, maxEdges = MAX_MERMAID_EDGES) {
  if (groups2.length === 0 || groups2.length > maxEdges) return null;
  const nodes = /* @__PURE__ */ new Map();
  const node = (label) => {
    let id = nodes.get(label);
    if (id === void 0) {
      id = `n${nodes.size}`;
      nodes.set(label, id);
    }
    return id;
  };
  const code = (s) => s;
  const edges = groups2.map((g) => {
    const from = node(setWords(g.sources, "source", code, 3));
    const to = node(setWords(g.destinations, "destination", code, 3));
    return { from, to, label: `${g.facet === "opened" ? "+" : "-"} ${groupChangeWords(g.changes, g.conn)}`, opened: g.facet === "opened" };
  });
  const out = ["flowchart LR"];
  for (const [label, id] of nodes) out.push(`  ${id}["${mermaidText(label)}"]`);
  for (const e of edges) out.push(`  ${e.from} -->|"${mermaidText(e.label)}"| ${e.to}`);
  const opened = edges.flatMap((e, i) => e.opened ? [i] : []);
  const closed = edges.flatMap((e, i) => e.opened ? [] : [i]);
  if (opened.length > 0) out.push(`  linkStyle ${opened.join(",")} ${OPENED_STYLE}`);
  if (closed.length > 0) out.push(`  linkStyle ${closed.join(",")} ${CLOSED_STYLE}`);
  return out.join("\n");
}

// src/render/exposure-rules.ts
var memo = /* @__PURE__ */ new WeakMap();
function exposureRules(report) {
  const known = memo.get(report.gate);
  if (known && known.exposures === report.exposureChanges) return known.rules;
  const rules3 = /* @__PURE__ */ new Map();
  if (report.exposureChanges.length > 0) {
    const exposures = new Set(report.exposureChanges);
    const hit = /* @__PURE__ */ new Map();
    for (const v of report.gate.violations) {
      if (!exposures.has(v.change)) continue;
      const list6 = hit.get(v.change);
      if (list6) list6.push(v.rule);
      else hit.set(v.change, [v.rule]);
    }
    for (const c of report.exposureChanges) {
      const list6 = hit.get(c);
      if (list6) rules3.set(c, list6);
    }
  }
  memo.set(report.gate, { exposures: report.exposureChanges, rules: rules3 });
  return rules3;
}

// src/render/unanalyzed-words.ts
var plural = (n, one, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
var MAX_NAMED2 = 3;
function objectName(o, code) {
  return `${o.kind} ${code(o.namespace !== void 0 ? `${o.namespace}/${o.name}` : o.name)}`;
}
function isEmpty(u) {
  return u.objects.length === 0 && u.files.length === 0;
}
function unanalyzedSummary(u, code) {
  const named = (items, name2) => items.slice(0, MAX_NAMED2).map(name2).join(", ") + (items.length > MAX_NAMED2 ? `, and ${items.length - MAX_NAMED2} more` : "");
  const parts = [];
  if (u.objects.length > 0) parts.push(`${plural(u.objects.length, "changed object")} of kinds netreach does not analyze (${named(u.objects, (o) => objectName(o, code))})`);
  if (u.files.length > 0) parts.push(`${plural(u.files.length, "changed file")} no analysis reads (${named(u.files, code)})`);
  return parts.join(" and ");
}
function unanalyzedLines(u, code) {
  return [
    ...u.objects.map((o) => `${o.change} ${objectName(o, code)} (${code(`${o.file}:${o.line}`)}): not analyzed \u2014 ${o.why}`),
    ...u.files.map((f) => `changed ${code(f)}: no analysis reads this file`)
  ];
}

// src/render/cluster-wide.ts
var MAX_LINES = 5;
function clusterWideBlock(report, code) {
  const admin = report.policyChanges.filter((p) => p.admin !== void 0 && p.status !== "reformatted");
  if (admin.length === 0) return void 0;
  const named = /* @__PURE__ */ new Set();
  for (const list6 of [report.changes, report.exposureChanges]) for (const c of list6) for (const r of c.why) named.add(r.policy);
  const lines = admin.slice(0, MAX_LINES).map((p) => {
    const a = p.admin;
    const priority = a.priority !== null ? ` (priority ${a.priority})` : "";
    const past = p.status === "removed";
    const scope = a.subject === "every-namespace" ? `${past ? "applied" : "applies"} to every namespace` : a.subject === "namespaces" ? `${past ? "applied" : "applies"} to the namespaces its subject selects` : a.subject === "pods" ? `${past ? "applied" : "applies"} to the pods its subject selects, in any namespace` : `${past ? "applied" : "applies"} across namespaces`;
    const effect = named.has(p.id) ? "changes flows listed below" : "no flow changes today";
    return `\u{1F310} **Cluster-wide:** ${a.kind} ${code(a.name)}${priority} ${p.status} \u2014 ${scope}; ${effect}.`;
  });
  if (admin.length > MAX_LINES) lines.push(`\u2026 and ${admin.length - MAX_LINES} more admin-tier policy changes (see Policy changes).`);
  return lines.join("\n\n");
}

// src/render/diff-md.ts
var DEFAULT_MAX_COMMENT_CHARS = 65536;
var md2 = (text2) => md(plain(text2));
var mdCode2 = (text2) => mdCode(plain(text2));
var cellCode2 = (text2) => cellCode(plain(text2));
var MAX_REASONS2 = 4;
function renderComment(report, ctx) {
  const maxChars = ctx.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
  const grouping = groupChanges(report);
  const dns = dnsLoss(report);
  const link = (file, line, side2 = "head") => safeUrl((side2 === "head" ? ctx.link : ctx.baseLink)?.(file, line));
  const blocks = [];
  blocks.push({ name: "marker", text: ctx.marker });
  blocks.push({ name: "title", text: `### netreach: network flows${ctx.header ? ` \u2014 ${md2(ctx.header)}` : ""}` });
  const fmt = exposureFormat(link);
  const broken = breakages(report, dns, stopsFormat(fmt, link));
  const unlinked = breakages(report, dns, stopsFormat(exposureFormat(() => void 0), () => void 0));
  blocks.push({ name: "verdict", text: verdict(report, grouping, ctx.gateAllowedByLabel ?? null, unlinked) });
  const clusterWide = clusterWideBlock(report, mdCode2);
  if (clusterWide) blocks.push({ name: "cluster-wide changes", text: clusterWide });
  blocks.push({ name: "counts", text: counts(report, grouping) });
  const noteAt = blocks.length;
  const invalid2 = invalidCallout(report, link);
  if (invalid2) blocks.push({ name: "invalid input callout", text: invalid2 });
  if (!isEmpty(report.unanalyzed)) blocks.push({ name: "not analyzed", rows: unanalyzedList(report, link) });
  if (broken.length > 0) blocks.push({ name: "stops working", rows: stopsWorking(broken) });
  const exposed = report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty);
  const moved = movedExposures(report.exposureChanges);
  if (exposed.length > 0) blocks.push({ name: "newly exposed", rows: exposureList("Newly exposed", exposed, "opened", fmt, report) });
  if (moved.length > 0) blocks.push({ name: "moved exposures", rows: movedList(moved, fmt) });
  if (report.workloadChanges.length > 0) blocks.push({ name: "workloads added and removed", rows: workloadList(report.workloadChanges, link) });
  if (grouping.opened.length > 0) blocks.push({ name: "opened flows", rows: groupTable("Opened", grouping.opened, link), dropRank: 7, afterRows: true });
  if (grouping.closed.length > 0) blocks.push({ name: "closed flows", rows: groupTable("Closed", grouping.closed, link), dropRank: 6, afterRows: true });
  if (violationCount(report, grouping) > 0) blocks.push({ name: "gate violations", rows: violationList(report, grouping) });
  const graph = graphAdds([...grouping.opened, ...grouping.closed]) ? renderMermaid([...grouping.opened, ...grouping.closed]) : null;
  if (graph) blocks.push({ name: "graph", text: `#### Graph

${fence(graph, "mermaid")}`, dropRank: 3 });
  const onePairEach = [...grouping.opened, ...grouping.closed].every((g) => g.changes.length === 1);
  if (report.changes.length > 0 && !onePairEach) blocks.push({ name: `endpoint-by-endpoint list of ${plural2(report.changes.length, "row")}`, text: fullList(report.changes), dropRank: 2 });
  if (report.assumptions.length > 0) blocks.push({ name: "assumptions", text: details(`Assumptions (${report.assumptions.length})`, lazy(report.assumptions, (a) => `- ${md2(a)}`), "\n"), dropRank: 5, afterRows: true });
  if (report.diagnostics.length > 0) blocks.push({ name: "diagnostics", text: diagnostics(report, link), dropRank: 4, afterRows: true });
  if (report.policyChanges.length > 0 || (report.inputChanges ?? []).length > 0) blocks.push({ name: "policy changes", text: policyChanges(report, link), dropRank: 8, afterRows: true });
  const summary = ctx.summaryNote ?? "See the job summary or the JSON report for everything.";
  if (maxChars < 1) return "";
  return fitBlocks(blocks, {
    maxChars: maxChars - 1,
    // the final newline
    size: ctx.measure === "utf8" ? utf8Size : void 0,
    separator: "\n\n",
    noteAt,
    note: ({ omitted, trimmedRows }) => {
      const what = [
        omitted.length > 0 ? `${omitted.length} section${omitted.length === 1 ? "" : "s"} omitted (${omitted.join(", ")})` : "",
        trimmedRows > 0 ? `${plural2(trimmedRows, "row")} left out of the tables and lists` : ""
      ].filter((s) => s !== "");
      return `> [!NOTE]
> Truncated to fit a comment: ${what.join("; ")}. ${summary}`;
    }
  }) + "\n";
}
var plural2 = (n, one, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
function lazy(items, row) {
  return { length: items.length, at: (i) => i < items.length ? row(items[i], i) : void 0 };
}
function verdict(report, g, allowedBy, broken) {
  const missed = unanalyzedSummary(report.unanalyzed, mdCode2);
  const failedOnMissed = !isEmpty(report.gate.unanalyzed);
  const missedStatus = failedOnMissed ? allowedBy !== null ? `gate failed (\`unanalyzed\`), allowed by label ${mdCode2(allowedBy)}` : "gate failed (`unanalyzed`)" : "gate passed";
  const breaks = broken[0] ? ` \u26A0\uFE0F **Stops working:** ${worstBreakage(broken)}.` : "";
  if (report.changes.length === 0 && report.workloadChanges.length === 0 && report.exposureChanges.length === 0) {
    if (missed === "") return broken.length > 0 ? `**No flow changes \u2014 gate passed.**${breaks}` : "**No change to reachability \u2014 gate passed.**";
    return `**No change to what netreach analyzes \u2014 ${missedStatus}.**${breaks} \u26A0\uFE0F Not analyzed: ${missed}.`;
  }
  const missedNote = missed === "" ? "" : ` \u26A0\uFE0F Not analyzed: ${missed}.`;
  const exposed = new Set(report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty).map((c) => c.dst.id)).size;
  const flows = `${exposed > 0 ? `${plural2(exposed, "workload")} newly exposed, ` : ""}${plural2(g.openedFlows, "flow")} opened, ${g.closedFlows.toLocaleString("en-US")} closed`;
  if (report.gate.passed) {
    const opened = report.exposureChanges.find((c) => !newlyOpened(c).isEmpty);
    const risk2 = opened ? ` \u26A0\uFE0F **Newly exposed:** ${exposureRisk(opened, exposureFormat(() => void 0))}.` : "";
    return `**${flows} \u2014 gate passed.**${risk2}${breaks}${missedNote}`;
  }
  const failingExposures = exposureViolations(report);
  const failing = g.violating;
  const status = allowedBy !== null ? `gate failed, allowed by label ${mdCode2(allowedBy)}` : "gate failed";
  const first = failingExposures[0] ? `${exposureSentence(failingExposures[0], "opened", exposureFormat(() => void 0))} (${rulesOf(report, failingExposures[0])})` : failing[0] ? violationWords(failing[0]) : `${missed} (${mdCode2("unanalyzed")})`;
  const extra = violationCount(report, g) - 1;
  return `**${flows} \u2014 ${status}:** ${first}${extra > 0 ? ` (and ${plural2(extra, "more violation")})` : ""}${breaks}${failingExposures.length + failing.length === 0 ? "" : missedNote}`;
}
function exposureViolations(report) {
  return [...exposureRules(report).keys()];
}
function rulesOf(report, c) {
  return (exposureRules(report).get(c) ?? []).map((r) => mdCode2(r)).join(", ");
}
function violationWords(x) {
  return x.gate.map((h) => describeRule(h.rule, setWords(x.sources, "source", mdCode2), setWords(x.destinations, "destination", mdCode2), md2(connWords(h.conn)))).join("; ");
}
function counts(report, g) {
  const reformatted = report.policyChanges.filter((p) => p.status === "reformatted").length;
  const added = report.workloadChanges.filter((w) => w.change === "added").length;
  const removed = report.workloadChanges.length - added;
  const parts = [
    `**Opened:** ${plural2(g.openedFlows, "flow")} in ${plural2(g.opened.length, "group")}`,
    `**Closed:** ${plural2(g.closedFlows, "flow")} in ${plural2(g.closed.length, "group")}`,
    ...report.exposureChanges.length > 0 ? [`**Exposure:** ${report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty).length} newly exposed, ${report.exposureChanges.filter((c) => !newlyClosed(c).isEmpty).length} no longer${movedCount(report)}`] : [],
    ...added + removed > 0 ? [`**Workloads:** ${added} added, ${removed} removed`] : [],
    `**Policies changed:** ${report.policyChanges.length}${reformatted > 0 ? ` (${reformatted} only reformatted)` : ""}`,
    `**Gate:** ${report.gateConfig.failOn.map((r) => mdCode2(r)).join(", ")}${violationCount(report, g) > 0 ? ` \u2014 ${plural2(violationCount(report, g), "violation")}` : ""}`
  ];
  return parts.join(" \xB7 ");
}
function invalidCallout(report, link) {
  const errors = report.diagnostics.filter((d) => d.severity === "error");
  if (errors.length === 0) return void 0;
  const shown = errors.slice(0, 3).map((d) => `> - ${location(d.file, d.line, link(d.file, d.line), d.column)}: ${md2(d.message)}`);
  const more = errors.length > 3 ? [`> - \u2026 and ${errors.length - 3} more (see Diagnostics)`] : [];
  const n = `${errors.length} error${errors.length === 1 ? "" : "s"}`;
  return [`> [!CAUTION]
> **Invalid input:** ${n} in the head revision; what the API server would reject was left out of this analysis.`, ...shown, ...more].join("\n");
}
function workloadList(changes, link) {
  return {
    head: "#### Workloads added and removed",
    rows: lazy(changes, (w, i) => `${i === 0 ? "\n" : ""}
- ${workloadLine(w, link)}`),
    tail: "",
    more: (n) => `

_\u2026 and ${plural2(n, "more workload")}._`
  };
}
function workloadLine(w, link) {
  const src = w.workload.pod.source;
  const at3 = location(src.file, src.line, link(src.file, src.line, w.change === "added" ? "head" : "base"));
  return `**${w.change}** ${mdCode2(w.workload.id)} (${at3}): ${workloadWords(w, (d) => `${d} restricted (see the flows below)`)}`;
}
var MAX_VERDICT_BREAKAGE = 320;
function worstBreakage(broken) {
  const more = broken.length > 1 ? `; and ${(broken.length - 1).toLocaleString("en-US")} more below` : "";
  if (broken[0].short.length <= MAX_VERDICT_BREAKAGE) return `${broken[0].short}${more}`;
  return `${plural2(broken.length, "breakage")}, listed below`;
}
function stopsWorking(broken) {
  return {
    head: `#### \u26A0\uFE0F Stops working (${broken.length})`,
    rows: lazy(broken, (b, i) => `${i === 0 ? "\n" : ""}
- ${b.full}`),
    tail: "",
    more: (n) => `

_\u2026 and ${n.toLocaleString("en-US")} more._`
  };
}
function stopsFormat(fmt, link) {
  return { ...fmt, at: (file, line, side2) => location(file, line, link(file, line, side2)) };
}
function violationCount(report, g) {
  return exposureViolations(report).length + g.violating.length + (isEmpty(report.gate.unanalyzed) ? 0 : 1);
}
function exposureFormat(link) {
  return {
    code: mdCode2,
    text: md2,
    hop: (h, side2) => {
      const what = `${md2(h.kind)} ${mdCode2(`${h.namespace}/${h.name}`)}`;
      const url = link(h.at.file, h.at.line, side2);
      return url ? `[${what}](${url})` : what;
    },
    reason: (r) => {
      const what = reasonName(r, mdCode2, md2);
      const url = link(r.file, r.line, r.side);
      return url ? `[${what}](${url})` : what;
    }
  };
}
function exposureList(title, changes, facet, fmt, report) {
  return {
    head: `#### ${title} (${changes.length})`,
    rows: lazy(changes, (c, i) => {
      const rules3 = facet === "opened" ? rulesOf(report, c) : "";
      return `${i === 0 ? "\n" : ""}
- ${rules3 !== "" ? "\u26D4 " : ""}${exposureSentence(c, facet, fmt)}${rules3 !== "" ? ` \u2014 gate: ${rules3}` : ""}`;
    }),
    tail: "",
    more: (n) => `

_\u2026 and ${plural2(n, "more")}._`
  };
}
function movedList(moved, fmt) {
  return {
    head: `#### Public before and after, through other objects (${moved.length})`,
    rows: lazy(moved, (m, i) => `${i === 0 ? "\n" : ""}
- ${movedSentence(m, fmt)}`),
    tail: "",
    more: (n) => `

_\u2026 and ${plural2(n, "more")}._`
  };
}
function movedCount(report) {
  const n = movedExposures(report.exposureChanges).length;
  return n === 0 ? "" : `, ${n} moved`;
}
function groupTable(title, groups2, link) {
  const head = `#### ${title} flows

| Source | Destination | ${title} | Why |
| --- | --- | --- | --- |`;
  return {
    head,
    rows: lazy(groups2, (g) => `
| ${setWords(g.sources, "source", cellCode2)} | ${setWords(g.destinations, "destination", cellCode2)} | ${connCell(g)} | ${whyCell(g, link)} |`),
    tail: "",
    more: (n) => `

_\u2026 and ${plural2(n, "more group")}._`
  };
}
function connCell(g) {
  const words2 = groupChangeWords(g.changes, g.conn, { text: md2, code: cellCode2, names: portNames(g.destinations.endpoints) });
  const n = groupFlows(g);
  const flows = n > 1 ? ` (${plural2(n, "flow")})` : "";
  const gate = g.gate.length > 0 ? ` \u2014 \u26D4 gate: ${g.gate.map((h) => mdCode2(h.rule)).join(", ")}` : "";
  return `${words2}${flows}${gate}`;
}
function whyCell(g, link) {
  const words2 = g.reasons.map((r) => reasonMd(r, link));
  const shown = words2.length > MAX_REASONS2 ? [...words2.slice(0, MAX_REASONS2 - 1), `and ${words2.length - MAX_REASONS2 + 1} more`] : words2;
  const note2 = endpointNote(g.endpoint);
  if (note2) shown.push(note2);
  return shown.length > 0 ? shown.join("; ") : "\u2014";
}
function reasonMd(r, link) {
  const w = reasonWords(r);
  const what = reasonName(r, cellCode2, md2);
  const url = link(r.file, r.line, r.side);
  const where = url ? `[${what}](${url})` : `${what} (${r.side === "base" ? "base " : ""}${cellCode2(`${r.file}:${r.line}`)})`;
  return [w.before, where, w.after].filter((s) => s !== "").join(" ");
}
function violationList(report, g) {
  const exposures = exposureViolations(report);
  const failing = g.violating;
  const missed = isEmpty(report.gate.unanalyzed) ? [] : [report.gate.unanalyzed];
  const total = exposures.length + failing.length + missed.length;
  const row = (i) => {
    if (i < exposures.length) {
      const c = exposures[i];
      return `\u26D4 ${rulesOf(report, c)}: ${mdCode2(c.dst.id)} ${md2(connWords(newlyOpened(c)))}, listed under Newly exposed`;
    }
    const k = i - exposures.length;
    if (k < failing.length) {
      const x = failing[k];
      return `\u26D4 ${x.gate.map((h) => mdCode2(h.rule)).join(", ")}: ${setWords(x.sources, "source", mdCode2)} \u2192 ${setWords(x.destinations, "destination", mdCode2)} ${md2(
        x.gate.map((h) => connWords(h.conn)).filter((c, j, all) => all.indexOf(c) === j).join("; ")
      )}`;
    }
    return `\u26D4 ${mdCode2("unanalyzed")}: ${plural2(missed[0].objects.length + missed[0].files.length, "change")} listed under Not analyzed`;
  };
  return {
    head: `#### Gate violations (${total.toLocaleString("en-US")})`,
    rows: { length: total, at: (i) => i < total ? `${i === 0 ? "\n" : ""}
- ${row(i)}` : void 0 },
    tail: "",
    more: (n) => `

_\u2026 and ${plural2(n, "more violation")}._`
  };
}
function details(summary, body, join15 = "\n", head = "") {
  const open = `<details><summary>${summary}</summary>

${head}`;
  const close = "\n\n</details>";
  if (typeof body === "string") return `${open}${body}${close}`;
  return (max, size) => {
    const parts = [open];
    let total = size(open) + size(close);
    for (let i = 0; i < body.length; i++) {
      const line = (i > 0 ? join15 : "") + (body.at(i) ?? "");
      total += size(line);
      if (total > max) return void 0;
      parts.push(line);
    }
    parts.push(close);
    return parts.join("");
  };
}
function fullList(changes) {
  const rows = lazy(changes, (c) => `| ${cellCode2(c.src.id)} | ${cellCode2(c.dst.id)} | ${md2(connWords(c.base))} | ${md2(connWords(c.head))} |`);
  return details(`Endpoint by endpoint, as in the JSON report (${plural2(changes.length, "row")})`, rows, "\n", "| Source | Destination | Base | Head |\n| --- | --- | --- | --- |\n");
}
function location(file, line, url, column) {
  const text2 = mdCode2(`${file}:${line}${column !== void 0 ? `:${column}` : ""}`);
  return url ? `[${text2}](${url})` : text2;
}
function diagnostics(report, link) {
  const items = lazy(report.diagnostics, (d) => `- **${d.severity}** ${location(d.file, d.line, link(d.file, d.line), d.column)}: ${md2(d.message)}`);
  return details(`Diagnostics (${report.diagnostics.length})`, items, "\n");
}
function unanalyzedList(report, link) {
  const u = report.unanalyzed;
  const rows = [
    ...u.objects.map((o) => `- ${o.change} ${objectName(o, mdCode2)} (${location(o.file, o.line, link(o.file, o.line, o.change === "removed" ? "base" : "head"))}): ${md2(o.why)}`),
    ...u.files.map((f) => `- changed ${mdCode2(f)}: no analysis reads this file`)
  ];
  return {
    head: `#### \u26A0\uFE0F Not analyzed (${u.objects.length + u.files.length})`,
    rows: lazy(rows, (r, i) => `${i === 0 ? "\n" : ""}
${r}`),
    tail: "",
    more: (n) => `

_\u2026 and ${plural2(n, "more")}._`
  };
}
function policyChanges(report, link) {
  const inputs = report.inputChanges ?? [];
  const items = [
    ...inputs.map((c) => () => `- input ${mdCode2(c.file)}: **${c.status}**

${fence(c.patch.replace(/\n$/, ""), "diff")}`),
    ...report.policyChanges.map((p) => () => {
      const at3 = location(p.file, p.line, link(p.file, p.line, p.status === "removed" ? "base" : "head"));
      if (p.status === "reformatted") return `- ${mdCode2(p.id)}: reformatted, no semantic change (${at3})`;
      const how = p.rendered ? "; rendered, fields compared" : "";
      return `- ${mdCode2(p.id)}: **${p.status}** (${p.status === "removed" ? "was at " : ""}${at3}${how})

${fence(p.patch.replace(/\n$/, ""), "diff")}`;
    })
  ];
  const title = inputs.length > 0 ? `Changed inputs (${inputs.length}) and policy changes (${report.policyChanges.length})` : `Policy changes (${report.policyChanges.length})`;
  return details(title, lazy(items, (f) => f()), "\n\n");
}
function fence(text2, info) {
  const body = visibleControls(text2);
  const longest2 = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const ticks = "`".repeat(Math.max(3, longest2 + 1));
  return `${ticks}${info}
${body}
${ticks}`;
}
function safeUrl(url) {
  if (url === void 0 || !/^https?:\/\//i.test(url)) return void 0;
  return url.replace(/[\s\u0000-\u001f\u007f()<>[\]"'`|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

// src/render/json-chunks.ts
var JsonList = class {
  constructor(length, items, toJson) {
    this.length = length;
    this.items = items;
    this.toJson = toJson;
  }
  length;
  items;
  toJson;
  *[Symbol.iterator]() {
    for (const item of this.items) yield this.toJson(item);
  }
};
function jsonList(items, toJson) {
  return new JsonList(items.length, items, toJson);
}
function jsonConcat(lists) {
  const length = lists.reduce((n, l) => n + l.length, 0);
  const items = {
    *[Symbol.iterator]() {
      for (const l of lists) yield* l;
    }
  };
  return new JsonList(length, items, (x) => x);
}
function* jsonChunks(value, indent = "") {
  const inner = indent + "  ";
  if (value instanceof JsonList || Array.isArray(value)) {
    const items = value;
    if (value.length === 0) {
      yield "[]";
      return;
    }
    let first = true;
    for (const item of items) {
      const text2 = JSON.stringify(item === void 0 || typeof item === "function" ? null : item, null, 2) ?? "null";
      yield `${first ? "[\n" : ",\n"}${inner}${text2.replace(/\n/g, `
${inner}`)}`;
      first = false;
    }
    yield `
${indent}]`;
    return;
  }
  if (value !== null && typeof value === "object" && Object.getPrototypeOf(value) === Object.prototype && !("toJSON" in value)) {
    const entries = Object.entries(value).filter(([, v]) => v !== void 0 && typeof v !== "function" && typeof v !== "symbol");
    if (entries.length === 0) {
      yield "{}";
      return;
    }
    let first = true;
    for (const [k, v] of entries) {
      yield `${first ? "{\n" : ",\n"}${inner}${JSON.stringify(k)}: `;
      yield* jsonChunks(v, inner);
      first = false;
    }
    yield `
${indent}}`;
    return;
  }
  yield (JSON.stringify(value, null, 2) ?? "null").replace(/\n/g, `
${indent}`);
}

// src/render/diff-json-groups.ts
var CHANGE_LIST_LIMIT = 1e5;
var LISTED_WHEN_GROUPED = 1e3;
function isGrouped(reports, options = {}) {
  if (options.group === true) return true;
  let changes = 0;
  let violations = 0;
  for (const r of reports) {
    changes += r.changes.length;
    violations += r.gate.violations.length;
  }
  return changes > CHANGE_LIST_LIMIT || violations > CHANGE_LIST_LIMIT;
}
var ChangeSets = class {
  byKey = /* @__PURE__ */ new Map();
  place = /* @__PURE__ */ new Map();
  members = [];
  id(endpoints) {
    const key = endpoints.map((e) => {
      let n = this.place.get(e.id);
      if (n === void 0) this.place.set(e.id, n = this.place.size);
      return n;
    }).join(",");
    let id = this.byKey.get(key);
    if (id === void 0) {
      this.members.push(endpoints.map((e) => e.id));
      id = `s${this.members.length}`;
      this.byKey.set(key, id);
    }
    return id;
  }
  /**
   * The sets, each as its members or, when shorter, as the document's endpoints (`all`) but a
   * few: "any source but the namespace's own pods" for each of a thousand namespaces is a
   * thousand short lists, not a million ids.
   */
  json(all) {
    const known = new Set(all);
    return this.members.map((m, i) => {
      const id = `s${i + 1}`;
      if (2 * m.length <= all.length || !m.every((e) => known.has(e))) return { id, endpoints: [...m] };
      const inSet = new Set(m);
      return { id, allBut: all.filter((e) => !inSet.has(e)) };
    });
  }
};
function changeGroupsJson(r, sets, reasonJson2) {
  const g = groupChanges(r);
  const words2 = (s, role) => setWords(s, role, (name2) => name2);
  return [...g.opened, ...g.closed].map(
    (x) => ({
      facet: x.facet,
      type: x.type,
      endpoint: x.endpoint,
      conn: x.conn.toString(),
      src: sets.id(x.sources.endpoints),
      dst: sets.id(x.destinations.endpoints),
      srcWords: words2(x.sources, "source"),
      dstWords: words2(x.destinations, "destination"),
      pairs: x.changes.length,
      why: x.reasons.map(reasonJson2),
      gate: x.gate.map((h) => ({ rule: h.rule, conn: h.conn.toString() }))
    })
  );
}

// src/render/memo.ts
function memo2(f) {
  const known = /* @__PURE__ */ new Map();
  return (k) => {
    let v = known.get(k);
    if (v === void 0) known.set(k, v = f(k));
    return v;
  };
}

// src/render/reach-json.ts
function endpointJson(e) {
  switch (e.type) {
    case "workload":
      return { id: e.id, type: "workload", namespace: e.pod.namespace, name: e.pod.name, kind: e.pod.kind, ...e.pod.pods ? { pods: [...e.pod.pods] } : {} };
    case "synthetic":
      return { id: e.id, type: "synthetic", namespace: e.pod.namespace, labels: { ...e.labels } };
    case "external":
      return { id: e.id, type: "external", cidrs: [...e.cidrs] };
    case "ingress-controller":
      return e.controller.named ? { id: e.id, type: "ingress-controller", namespace: e.controller.namespace, labels: { ...e.controller.labels } } : { id: e.id, type: "ingress-controller" };
  }
}
function diagnosticJson(d) {
  return { severity: d.severity, file: d.file, line: d.line, column: d.column, message: d.message };
}
function skippedJson(s) {
  return { documents: s.documents, kinds: Object.fromEntries([...s.kinds].sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)) };
}
function* reachJsonChunks(r) {
  const head = JSON.stringify(reachJsonWithout(r), null, 2);
  yield head.slice(0, -2) + ',\n  "flows": [';
  const quoted2 = memo2((id) => JSON.stringify(id));
  const connJson = memo2((c) => JSON.stringify(c.toString()));
  let sep7 = "";
  let src;
  let srcJson = "";
  for (const f of r.flows) {
    if (f.src !== src) srcJson = `{"src":${quoted2((src = f.src).id)},"dst":`;
    yield `${sep7}
    ${srcJson}${quoted2(f.dst.id)},"conn":${connJson(f.conn)}}`;
    sep7 = ",";
  }
  yield `${sep7 === "" ? "" : "\n  "}]
}
`;
}
function* reachGroupedJsonChunks(r) {
  const view2 = r.classes();
  const head = JSON.stringify(reachJsonWithout(r), null, 2);
  yield head.slice(0, -2) + ',\n  "classes": [';
  const json = reachGroupedParts(view2);
  yield* json.classes.map((c, i) => `${i === 0 ? "" : ","}
    ${JSON.stringify(c)}`);
  yield `${json.classes.length === 0 ? "" : "\n  "}],
  "groups": [`;
  yield* json.groups.map((g, i) => `${i === 0 ? "" : ","}
    ${JSON.stringify(g)}`);
  yield `${json.groups.length === 0 ? "" : "\n  "}],
  "pairs": ${view2.pairs}
}
`;
}
function reachGroupedParts(view2) {
  const id = (i) => `c${i + 1}`;
  return {
    classes: view2.classes.map((c, i) => ({ id: id(i), endpoints: c.endpoints.map((e) => e.id) })),
    groups: view2.groups.map((g) => ({ src: g.src.map(id), dst: g.dst.map(id), conn: g.conn.toString(), pairs: g.pairs }))
  };
}
function reachJsonWithout(r) {
  return {
    schema: "netreach.reach/v1",
    endpoints: r.endpoints.map(endpointJson),
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
    skipped: skippedJson(r.skipped),
    exposures: r.exposures.map((e) => ({ dst: e.dst.id, source: e.source, src: e.src.id, conn: e.conn.toString(), via: e.via.map(viaJson) }))
  };
}
function viaJson(c) {
  return { chain: c.chain.map((h) => ({ kind: h.kind, namespace: h.namespace, name: h.name, detail: h.detail, file: h.at.file, line: h.at.line })), conn: c.conn.toString() };
}

// src/render/diff-json.ts
function changeJson(c) {
  return {
    type: c.type,
    src: c.src.id,
    dst: c.dst.id,
    base: c.base.toString(),
    head: c.head.toString(),
    opened: c.opened.toString(),
    closed: c.closed.toString(),
    endpoint: c.endpoint,
    why: c.why.map(reasonJson)
  };
}
function reasonJson({ admin, ...r }) {
  if (admin === void 0) return { ...r };
  return { ...r, kind: admin.kind, tier: admin.tier, priority: admin.priority, action: admin.action, ruleName: admin.ruleName };
}
function unreadFileViolation(file, reader2) {
  return { rule: "unanalyzed", src: "", dst: "", conn: "", message: `changed ${file}: ${reader2} reads this file`, file, line: 1 };
}
function missedViolations(r) {
  const u = r.gate.unanalyzed;
  const id = (o) => `${o.kind} ${o.namespace !== void 0 ? `${o.namespace}/` : ""}${o.name}`;
  return [
    ...u.objects.map((o) => ({ missed: true, json: { rule: "unanalyzed", src: id(o), dst: "", conn: "", message: `${o.change} ${id(o)} is not analyzed: ${o.why}`, file: o.file, line: o.line } })),
    ...u.files.map((f) => ({ missed: true, json: unreadFileViolation(f, "no analysis") }))
  ];
}
function allViolations(r, listed2) {
  const missed = missedViolations(r);
  return missed.length === 0 ? listed2 : [...listed2, ...missed];
}
var anyViolationJson = (v) => "missed" in v ? v.json : violationJson(v);
function violationJson(v) {
  return { rule: v.rule, src: v.change.src.id, dst: v.change.dst.id, conn: v.conn.toString(), message: describeViolation(v) };
}
function* diffJsonChunks(r, options = {}) {
  yield* jsonChunks(diffJsonLazy(r, isGrouped([r], options)));
  yield "\n";
}
function diffJsonLazy(r, grouped2, sets = new ChangeSets(), tag) {
  const rest = diffJson({ ...r, changes: [], gate: { ...r.gate, violations: [] } }, { group: false });
  const tagged = (f) => tag === void 0 ? f : (x) => ({ ...f(x), ...tag });
  const { schema, endpoints, changes: _none, gate, ...tail } = rest;
  if (!grouped2) {
    return { schema, endpoints, changes: jsonList(r.changes, tagged(changeJson)), gate: { ...gate, violations: jsonList(allViolations(r, r.gate.violations), tagged(anyViolationJson)) }, ...tail };
  }
  const changes = r.changes.slice(0, LISTED_WHEN_GROUPED);
  const violations = r.gate.violations.slice(0, LISTED_WHEN_GROUPED);
  const groups2 = changeGroupsJson(r, sets, reasonJson);
  return {
    schema,
    endpoints,
    changes: jsonList(changes, tagged(changeJson)),
    changesTruncated: { total: r.changes.length, listed: changes.length },
    changeSets: sets.json(endpoints.map((e) => e.id)),
    changeGroups: tag === void 0 ? groups2 : groups2.map((g) => ({ ...tag, ...g })),
    gate: { ...gate, violations: jsonList(allViolations(r, violations), tagged(anyViolationJson)), violationsTruncated: { total: r.gate.violations.length, listed: violations.length } },
    ...tail
  };
}
function diffJson(r, options = {}) {
  if (isGrouped([r], options)) return JSON.parse([...jsonChunks(diffJsonLazy(r, true))].join(""));
  return {
    schema: "netreach.diff/v1",
    endpoints: r.endpoints.map(endpointJson),
    changes: r.changes.map(changeJson),
    gate: {
      passed: r.gate.passed,
      status: r.gate.passed ? "passed" : "failed",
      failOn: [...r.gateConfig.failOn],
      violations: allViolations(r, r.gate.violations).map(anyViolationJson)
    },
    diagnostics: r.diagnostics.map(diagnosticJson),
    assumptions: [...r.assumptions],
    skipped: skippedJson(r.skipped),
    workloads: r.workloadChanges.map((w) => ({
      id: w.workload.id,
      change: w.change,
      ingress: w.ingress,
      egress: w.egress,
      dns: w.dns,
      file: w.workload.pod.source.file,
      line: w.workload.pod.source.line
    })),
    exposures: r.exposureChanges.map((e) => ({
      ...changeJson(e),
      source: e.source,
      via: { base: e.via.base.map(viaJson), head: e.via.head.map(viaJson) },
      isolated: { base: e.isolated.base ?? null, head: e.isolated.head ?? null },
      // Public before and after through the other source: not newly exposed, not lost.
      moved: e.moved === void 0 ? null : { conn: e.moved.conn.toString(), public: e.moved.public.toString(), via: { base: e.moved.via.base.map(viaJson), head: e.moved.via.head.map(viaJson) } }
    })),
    stopsWorking: {
      services: (r.serviceBreakages ?? []).map((s) => ({
        service: s.service.id,
        port: s.port.port,
        protocol: s.port.protocol,
        portName: s.port.name ?? null,
        file: s.port.source.file,
        line: s.port.source.line,
        cause: s.cause.kind,
        targetPort: s.cause.kind === "target-port" ? s.cause.name : null,
        before: [...s.before],
        routes: s.routes.map((x) => ({ kind: x.kind, id: x.id }))
      })),
      cutOff: (r.cutOff ?? []).map((c) => ({ workload: c.workload, direction: c.direction, policies: [...c.policies] }))
    },
    unanalyzed: {
      objects: r.unanalyzed.objects.map((o) => ({ change: o.change, apiVersion: o.apiVersion, kind: o.kind, namespace: o.namespace ?? null, name: o.name, file: o.file, line: o.line, why: o.why })),
      files: [...r.unanalyzed.files]
    }
  };
}

// src/render/diff-sarif.ts
var SARIF_WORDS = {
  code: plain,
  text: plain,
  hop: (h) => `${plain(h.kind)} ${plain(`${h.namespace}/${h.name}`)}`,
  reason: (r) => reasonName(r, plain, plain)
};
var SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
var OPENED_FLOW_RULE = "opened-flow";
var RULE_TEXT2 = {
  exposed: ["Exposed", "A workload port is newly reachable from outside the cluster through a Service, Ingress, Gateway route or Route."],
  "external-ingress": ["ExternalIngress", "A flow is newly opened from addresses outside the cluster into a workload."],
  "external-egress": ["ExternalEgress", "A workload is newly allowed to reach addresses outside the cluster."],
  "cross-namespace": ["CrossNamespace", "A flow is newly opened between workloads of different namespaces."],
  "sensitive-ports": ["SensitivePorts", "A flow is newly opened to a sensitive port (SSH, databases, Docker, kubelet, ...)."],
  "any-opened": ["AnyOpened", "A flow is newly opened."],
  unanalyzed: ["Unanalyzed", "The change adds, removes or edits an object of a kind netreach does not analyze, or a file no analysis reads."],
  "opened-flow": ["OpenedFlow", "A flow is newly opened by this change (not a gate violation)."]
};
var RULE_IDS = [...GATE_RULES.filter((r) => r !== "none"), OPENED_FLOW_RULE];
function renderSarif(report, options) {
  const enabled = new Set(report.gateConfig.failOn);
  const rules3 = RULE_IDS.map((id) => ({
    id,
    name: RULE_TEXT2[id][0],
    shortDescription: { text: RULE_TEXT2[id][1] },
    fullDescription: {
      text: id === OPENED_FLOW_RULE ? RULE_TEXT2[id][1] : `${RULE_TEXT2[id][1]} Gate rule \`${id}\` (fail-on)${enabled.has(id) ? "; enabled in this run" : ""}.`
    },
    defaultConfiguration: { level: id === OPENED_FLOW_RULE ? "note" : "error" }
  }));
  const results = [];
  for (const g of groupChanges(report).opened) {
    const at3 = locationOf(g);
    const flow = `${setWords(g.sources, "source", plain)} -> ${setWords(g.destinations, "destination", plain)}`;
    const base2 = {
      locations: at3 ? [at3] : [],
      properties: { opened: g.conn.toString(), pairs: g.changes.length }
    };
    const by = g.reasons.filter((r) => r.side === "head" && r.effect === "allows").map((r) => reasonName(r, plain, plain));
    const because = by.length > 0 ? ` (allowed by ${by.join(", ")})` : "";
    const hits = g.gate.length > 0 ? g.gate : null;
    if (hits) {
      for (const h of hits) {
        results.push({
          ...base2,
          ruleId: h.rule,
          ruleIndex: RULE_IDS.indexOf(h.rule),
          level: "error",
          message: { text: `Gate ${h.rule}: newly opened ${h.conn.toString()} from ${flow}${because}.` },
          partialFingerprints: { netreachFlow: fingerprint(h.rule, g) }
        });
      }
    } else {
      results.push({
        ...base2,
        ruleId: OPENED_FLOW_RULE,
        ruleIndex: RULE_IDS.indexOf(OPENED_FLOW_RULE),
        level: "note",
        message: { text: `Newly opened ${g.conn.toString()} from ${flow}${because}.` },
        partialFingerprints: { netreachFlow: fingerprint(OPENED_FLOW_RULE, g) }
      });
    }
  }
  for (const c of report.exposureChanges) {
    if (c.opened.isEmpty) continue;
    const hits = report.gate.violations.filter((v) => v.change === c);
    if (hits.length === 0 && newlyOpened(c).isEmpty) continue;
    const hop = c.via.head.find((v) => !v.conn.intersect(c.opened).isEmpty)?.chain[0];
    const sentence = exposureSentence(c, "opened", SARIF_WORDS);
    for (const h of hits.length > 0 ? hits : [null]) {
      const ruleId = h === null ? OPENED_FLOW_RULE : h.rule;
      results.push({
        locations: hop ? [at2(hop.at.file, hop.at.line)] : [],
        properties: { opened: c.opened.toString(), pairs: 1 },
        ruleId,
        ruleIndex: RULE_IDS.indexOf(ruleId),
        level: h === null ? "note" : "error",
        message: { text: `${h === null ? "" : `Gate ${h.rule}: `}${sentence}.` },
        partialFingerprints: { netreachFlow: hashText(`${ruleId}|exposure|${c.source}|${c.src.id}|${c.dst.id}|${c.opened.toString()}`) }
      });
    }
  }
  return {
    $schema: SARIF_SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "netreach", version: options.toolVersion, ...options.informationUri ? { informationUri: options.informationUri } : {}, rules: rules3 } },
        results
      }
    ]
  };
}
function locationOf(g) {
  const pick = (r) => r ? at2(r.file, r.line) : null;
  const allows = g.reasons.find((r) => r.side === "head" && r.effect === "allows");
  if (allows) return pick(allows);
  if (g.endpoint === "added") {
    const seen = /* @__PURE__ */ new Map();
    for (const e of g.changes.flatMap((c) => [c.src, c.dst])) {
      if (e.type !== "workload") continue;
      const s = seen.get(e.id) ?? { w: e, n: 0 };
      s.n++;
      seen.set(e.id, s);
    }
    const top = [...seen.values()].sort((a, b) => b.n - a.n)[0];
    if (top) return at2(top.w.pod.source.file, top.w.pod.source.line);
  }
  return pick(g.reasons[0]);
}
function at2(file, line) {
  return { physicalLocation: { artifactLocation: { uri: fileUri(file) }, region: { startLine: Math.max(1, line) } } };
}
function fileUri(file) {
  return file.replace(/\\/g, "/").replace(/^\.\//, "").split("/").map((s) => encodeURIComponent(s)).join("/");
}
function fingerprint(rule, g) {
  return hashText(`${rule}|${g.conn.toString()}|${g.sources.endpoints.map((e) => e.id).join(",")}|${g.destinations.endpoints.map((e) => e.id).join(",")}`);
}
function hashText(text2) {
  let h = 2166136261;
  for (let i = 0; i < text2.length; i++) {
    h ^= text2.charCodeAt(i);
    h = Math.imul(h, 16777619) >>> 0;
  }
  return h.toString(16).padStart(8, "0");
}

// src/render/diff-text.ts
var TEXT = {
  code: plain,
  text: plain,
  hop: (h, side2) => `${plain(h.kind)} ${plain(`${h.namespace}/${h.name}`)} [${side2 === "base" ? "base " : ""}${plain(h.at.file)}:${h.at.line}]`,
  reason: (r) => `${reasonName(r, plain, plain)} (${r.side === "base" ? "base " : ""}${plain(r.file)}:${r.line})`
};
function exposureFailures(report) {
  return [...exposureRules(report)].map(([change, rules3]) => ({ change, rules: [...rules3] }));
}
function exposureViolationText(x) {
  return `${exposureSentence(x.change, "opened", TEXT)} (${x.rules.join(", ")})`;
}
var MAX_TERMS = 10;
var MAX_VIOLATIONS = 20;
var plural3 = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
function renderDiffText(report) {
  const g = groupChanges(report);
  const out = [];
  const failing = g.violating;
  const exposureFailing = exposureFailures(report);
  const violations = [...exposureFailing.map((x) => `${exposureRisk(x.change, TEXT)} (${x.rules.join(", ")})`), ...failing.map(violationText)];
  const first = exposureFailing[0] ? exposureViolationText(exposureFailing[0]) : violations[0];
  const added = report.workloadChanges.filter((w) => w.change === "added").length;
  const removed = report.workloadChanges.length - added;
  const missed = unanalyzedSummary(report.unanalyzed, plain);
  const missedGate = !isEmpty(report.gate.unanalyzed);
  if (missedGate) violations.push(`${missed} (unanalyzed)`);
  if (report.changes.length === 0 && report.workloadChanges.length === 0 && report.exposureChanges.length === 0) {
    if (missed === "") out.push("netreach: no change to reachability \u2014 gate passed");
    else out.push(`netreach: no change to what netreach analyzes \u2014 ${missedGate ? "gate failed (unanalyzed)" : "gate passed"}; not analyzed: ${missed}`);
  } else {
    const exposed2 = new Set(report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty).map((c) => c.dst.id)).size;
    const flows = `${exposed2 > 0 ? `${plural3(exposed2, "workload")} newly exposed, ` : ""}${plural3(g.openedFlows, "flow")} opened, ${g.closedFlows} closed`;
    if (report.gate.passed) out.push(`netreach: ${flows} \u2014 gate passed`);
    else out.push(`netreach: ${flows} \u2014 gate failed: ${first}${violations.length > 1 ? ` (and ${plural3(violations.length - 1, "more violation")})` : ""}`);
    out.push(
      `opened: ${plural3(g.openedFlows, "flow")} in ${plural3(g.opened.length, "group")}; closed: ${plural3(g.closedFlows, "flow")} in ${plural3(g.closed.length, "group")}` + (added + removed > 0 ? `; workloads: ${added} added, ${removed} removed` : "")
    );
  }
  if (missed !== "" && report.changes.length + report.workloadChanges.length + report.exposureChanges.length > 0) out.push(`not analyzed: ${missed}`);
  for (const l of unanalyzedLines(report.unanalyzed, plain)) out.push(l);
  for (const w of report.workloadChanges) {
    const what = workloadWords(w, (d) => `${d} restricted`);
    out.push(`${w.change} ${plain(w.workload.id)} (${plain(w.workload.pod.source.file)}:${w.workload.pod.source.line}): ${what}`);
  }
  const exposed = report.exposureChanges.filter((c) => !newlyOpened(c).isEmpty);
  const unexposed = report.exposureChanges.filter((c) => !newlyClosed(c).isEmpty);
  const moved = movedExposures(report.exposureChanges);
  if (exposed.length + unexposed.length + moved.length > 0) out.push("");
  for (const c of exposed) out.push(`exposed ${exposureSentence(c, "opened", TEXT)}`);
  for (const m of moved) out.push(`moved ${movedSentence(m, TEXT)}`);
  for (const c of unexposed) out.push(`unexposed ${exposureSentence(c, "closed", TEXT)}`);
  if (g.opened.length + g.closed.length > 0) out.push("");
  for (const x of g.opened) out.push(groupLine("+", x));
  for (const x of g.closed) out.push(groupLine("-", x));
  const quiet = breakages(report, null, { ...TEXT, at: (file, line) => `${plain(file)}:${line}` }).filter((b) => b.kind === "service" || b.kind === "cut-off");
  if (quiet.length > 0) out.push("");
  for (const b of quiet) out.push(`! stops working: ${b.short}`);
  const dns = dnsLoss(report);
  if (dns) {
    const protos = dns.protocols.length === 2 ? "UDP/TCP 53" : `${dns.protocols[0]} 53`;
    out.push("", `! DNS: ${setWords(dns.sources, "subject", plain, MAX_TERMS)} can no longer resolve names (${protos} closed toward ${setWords(dns.servers, "destination", plain, 3)})`);
  }
  if (violations.length > 0) {
    const rules3 = [.../* @__PURE__ */ new Set([...exposureFailing.flatMap((x) => x.rules), ...failing.flatMap((x) => x.gate.map((h) => h.rule)), ...missedGate ? ["unanalyzed"] : []])];
    out.push("", `gate failed: ${plural3(violations.length, "violation")} of ${rules3.join(", ")}`);
    for (const v of violations.slice(0, MAX_VIOLATIONS)) out.push(`  ${v}`);
    if (violations.length > MAX_VIOLATIONS) out.push(`  \u2026 and ${violations.length - MAX_VIOLATIONS} more (see --format json)`);
  }
  return out.join("\n") + "\n";
}
function violationText(x) {
  return x.gate.map((h) => describeRule(h.rule, setWords(x.sources, "source", plain, MAX_TERMS), setWords(x.destinations, "destination", plain, MAX_TERMS), connWords(h.conn))).join("; ");
}
function groupLine(sign, g) {
  const src = setWords(g.sources, "source", plain, MAX_TERMS);
  const dst = setWords(g.destinations, "destination", plain, MAX_TERMS);
  const words2 = groupChangeWords(g.changes, g.conn, { text: (t) => t, code: (t) => t, names: portNames(g.destinations.endpoints) });
  const conn = `${words2}${sign === "-" && !words2.startsWith("was ") ? " closed" : ""}`;
  const why = g.reasons.map((r) => reasonText(r));
  const note2 = endpointNote(g.endpoint);
  if (note2) why.push(note2);
  const pairs = groupFlows(g) > 1 ? ` [${groupFlows(g)} flows]` : "";
  const gate = g.gate.length > 0 ? ` [gate: ${g.gate.map((h) => h.rule).join(", ")}]` : "";
  return `${sign} ${src} -> ${dst}: ${plain(conn)}${pairs}${gate}${why.length > 0 ? `  (${why.join("; ")})` : ""}`;
}
function reasonText(r) {
  const w = reasonWords(r);
  const where = `${r.side === "base" ? "base " : ""}${plain(r.file)}:${r.line}`;
  const what = reasonName(r, plain, plain);
  if (r.effect === "allows" && r.side === "head") return `${where} ${what}`;
  return `${where} ${what}: ${w.before.replace(/ by$/, "")}${w.after ? ` ${w.after}` : ""}`;
}

// src/render/reach-csv.ts
function* reachCsvLines(r) {
  yield "src,dst,conn\r\n";
  const cell = memo2((e) => csvCell(e.id));
  const connCell2 = memo2((c) => csvCell(c.toString()));
  let src;
  let srcCell = "";
  for (const f of r.flows) {
    if (f.src !== src) srcCell = cell(src = f.src);
    yield `${srcCell},${cell(f.dst)},${connCell2(f.conn)}\r
`;
  }
}

// src/render/reach-groups.ts
function reachGroups(r) {
  const view2 = r.classes();
  const index = new UniverseIndex(r.endpoints);
  return view2.groups.map((g) => {
    const [sources, destinations] = displaySets(
      g.src.flatMap((c) => view2.classes[c].endpoints),
      g.dst.flatMap((c) => view2.classes[c].endpoints),
      index
    );
    return { sources, destinations, conn: g.conn, pairs: g.pairs };
  });
}
function flowCount(r) {
  return r.classes().pairs + r.exposures.filter((e) => e.source === "ingress-controller").length;
}
function flowsFromGroups(r) {
  const view2 = r.classes();
  const out = [];
  for (const g of view2.groups) {
    for (const s of g.src.flatMap((c) => view2.classes[c].endpoints)) {
      for (const d of g.dst.flatMap((c) => view2.classes[c].endpoints)) if (s !== d || s.type !== "workload") out.push({ src: s, dst: d, conn: g.conn });
    }
  }
  out.sort((x, y) => cmp8(x.src.id, y.src.id) || cmp8(x.dst.id, y.dst.id));
  for (const e of r.exposures) if (e.source === "ingress-controller") out.push({ src: e.src, dst: e.dst, conn: e.conn });
  return out;
}
function cmp8(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/render/reach-md.ts
var MAX_LISTED_PAIRS = 2e4;
function* reachMarkdownChunks(r) {
  const lines = (...ls) => ls.map((l) => `${l}
`).join("");
  const groups2 = reachGroups(r);
  const flows = flowCount(r);
  const workloads = r.endpoints.filter((e) => e.type === "workload").length;
  const reps = r.endpoints.filter((e) => e.type === "synthetic").length;
  const who = [workloads > 0 ? `${workloads} workload${workloads === 1 ? "" : "s"}` : "", reps > 0 ? `${reps} representative pod${reps === 1 ? "" : "s"}` : ""].filter((x) => x !== "");
  const inGroups = groups2.length > 0 ? `, in ${groups2.length} group${groups2.length === 1 ? "" : "s"}` : "";
  yield lines("## netreach: allowed flows", "", `${flows} allowed flow${flows === 1 ? "" : "s"} among ${who.join(", ")} and external addresses${inGroups}.`, "");
  if (r.exposures.length > 0) {
    yield lines(`### Exposed outside the cluster (${r.exposures.length})`, "", "| Workload | Ports | From | Through |", "| --- | --- | --- | --- |");
    for (const e of r.exposures) {
      const from = e.src.type === "ingress-controller" ? "the ingress controller" : e.src.cidrs.length === 1 && e.src.cidrs[0] === "0.0.0.0/0" ? "the internet" : mdCode(e.src.id);
      const through = e.via.map((v) => v.chain.map((h) => `${md(h.kind)} ${mdCode(`${h.namespace}/${h.name}`)} (${md(h.detail)}, ${mdCode(`${h.at.file}:${h.at.line}`)})`).join(" \u2192 ")).join("<br>");
      yield lines(`| ${mdCode(e.dst.id)} | ${md(connWords(e.conn))} | ${from} | ${through} |`);
    }
    yield "\n";
  }
  if (groups2.length > 0) {
    yield lines("| Sources | Destinations | Connections |", "| --- | --- | --- |");
    for (const g of groups2) {
      const pairs = g.pairs > 1 ? `<br><sub>${g.pairs} pairs</sub>` : "";
      yield lines(`| ${setWords(g.sources, "source", mdCode)} | ${setWords(g.destinations, "destination", mdCode)} | ${md(connWords(g.conn))}${pairs} |`);
    }
    yield "\n";
  }
  if (flows > 0 && flows <= MAX_LISTED_PAIRS) {
    yield lines("<details><summary>Every allowed pair</summary>", "", "| Source | Destination | Connections |", "| --- | --- | --- |");
    for (const f of flowsFromGroups(r)) yield lines(`| ${mdCode(f.src.id)} | ${mdCode(f.dst.id)} | ${md(connWords(f.conn))} |`);
    yield lines("", "</details>", "");
  } else if (flows > MAX_LISTED_PAIRS) {
    yield lines(`Every pair is listed by \`netreach reach --format csv\` (or \`text\`, \`json\`): ${flows} are too many for this page.`, "");
  }
  if (r.assumptions.length > 0) yield lines("<details><summary>Assumptions</summary>", "", ...r.assumptions.map((a) => `- ${md(a)}`), "", "</details>", "");
  if (r.diagnostics.length > 0) {
    yield lines("<details><summary>Diagnostics</summary>", "", ...r.diagnostics.map((d) => `- **${d.severity}** ${mdCode(`${d.file}:${d.line}:${d.column}`)} ${md(d.message)}`), "", "</details>", "");
  }
}

// src/render/reach-text.ts
var MAX_COLUMN = 60;
var MAX_TERMS2 = 10;
function* reachTextLines(r) {
  const { sources, destinations } = flowEnds(r);
  const width = Math.min(MAX_COLUMN, longest(sources));
  const dstWidth = Math.min(MAX_COLUMN, longest(destinations));
  const src = memo2((e) => plain(e.id).padEnd(width));
  const dst = memo2((e) => plain(e.id).padEnd(dstWidth));
  const conn = memo2((c) => c.toString());
  let from;
  let fromText = "";
  for (const f of r.flows) {
    if (f.src !== from) fromText = src(from = f.src);
    yield `${fromText} => ${dst(f.dst)} : ${conn(f.conn)}
`;
  }
  if (from === void 0) yield "no allowed flows\n";
  yield* exposureLines(r);
}
function* reachGroupedTextLines(r) {
  const groups2 = reachGroups(r);
  const flows = flowCount(r);
  yield `${flows} allowed flow${flows === 1 ? "" : "s"} in ${groups2.length} group${groups2.length === 1 ? "" : "s"}
`;
  for (const g of groups2) {
    const pairs = g.pairs > 1 ? ` [${g.pairs} pairs]` : "";
    yield `${setWords(g.sources, "source", plain, MAX_TERMS2)} -> ${setWords(g.destinations, "destination", plain, MAX_TERMS2)}: ${connWords(g.conn)}${pairs}
`;
  }
  yield* exposureLines(r);
}
function flowEnds(r) {
  const view2 = r.classes();
  const loneWorkload = (c) => view2.classes[c].endpoints.length === 1 && view2.classes[c].endpoints[0].type === "workload";
  const src = /* @__PURE__ */ new Set();
  const dst = /* @__PURE__ */ new Set();
  for (const g of view2.groups) {
    for (const c of g.src) if (!(g.dst.length === 1 && g.dst[0] === c && loneWorkload(c))) src.add(c);
    for (const c of g.dst) if (!(g.src.length === 1 && g.src[0] === c && loneWorkload(c))) dst.add(c);
  }
  const controller = r.exposures.filter((e) => e.source === "ingress-controller");
  return {
    sources: [...[...src].flatMap((c) => view2.classes[c].endpoints), ...controller.map((e) => e.src)],
    destinations: [...[...dst].flatMap((c) => view2.classes[c].endpoints), ...controller.map((e) => e.dst)]
  };
}
function longest(endpoints) {
  let n = 0;
  for (const e of endpoints) n = Math.max(n, plain(e.id).length);
  return n;
}
function* exposureLines(r) {
  if (r.exposures.length === 0) return;
  yield `
exposed outside the cluster (${r.exposures.length}):
`;
  for (const e of r.exposures) {
    const from = e.src.type === "ingress-controller" ? "the ingress controller" : plain(e.src.id);
    const through = e.via.map((v) => v.chain.map((h) => `${plain(h.kind)} ${plain(`${h.namespace}/${h.name}`)} (${plain(h.detail)}) [${plain(h.at.file)}:${h.at.line}]`).join(" -> ")).join("; ");
    yield `  ${plain(e.dst.id)} ${e.conn.toString()} from ${from} through ${through}
`;
  }
}

// src/render/target-worst.ts
var MAX_BREAKAGE = 320;
var BREAK_RANK = { exposure: 0, service: 1, dns: 2, "cut-off": 3 };
function targetWorst(report, f) {
  const broken = breakages(report, dnsLoss(report), { ...f, at: (file, line) => f.code(`${file}:${line}`) });
  const first = broken[0];
  const breakage = first === void 0 ? void 0 : { rank: BREAK_RANK[first.kind], text: first.short.length <= MAX_BREAKAGE ? first.short : `${broken.length.toLocaleString("en-US")} breakages, listed in its section` };
  return { risk: risk(report, f), breakage, breakages: broken.length };
}
function risk(report, f) {
  const rules3 = exposureRules(report);
  for (const [c, rs] of rules3) return { rank: 0, text: `${exposureRisk(c, f)}${cause(c.why[0], f)} (${rs.map((r) => f.code(r)).join(", ")})` };
  const violating = report.gate.passed ? void 0 : groupChanges(report).violating[0];
  if (violating !== void 0) {
    const said = violating.gate.map((h) => describeRule(h.rule, setWords(violating.sources, "source", f.code), setWords(violating.destinations, "destination", f.code), f.text(connWords(h.conn))));
    return { rank: 1, text: `${said.join("; ")}${cause(violating.reasons[0], f)}` };
  }
  const opened = report.exposureChanges.find((c) => !newlyOpened(c).isEmpty);
  return opened ? { rank: 2, text: `${exposureRisk(opened, f)}${cause(opened.why[0], f)}` } : void 0;
}
function cause(r, f) {
  if (r === void 0) return "";
  const name2 = reasonName(r, f.code, f.text);
  if (r.side === "head" && r.effect === "allows") return `, opened by ${name2}`;
  if (r.side === "base" && (r.effect === "isolates" || r.effect === "denies")) return `: ${name2} no longer blocks it`;
  return `: ${name2} (${r.side === "head" ? "now" : "before"} ${r.effect})`;
}
function worstOver(items, pick) {
  let best;
  for (const item of items) {
    const w = pick(item);
    if (w !== void 0 && (best === void 0 || w.rank < best.worst.rank)) best = { item, worst: w };
  }
  return best;
}

// src/render/target-outcome.ts
function isChanged(t) {
  return t.report !== void 0 && (t.report.changes.length > 0 || t.report.exposureChanges.length > 0 || t.report.workloadChanges.length > 0 || t.report.policyChanges.length > 0 || (t.report.serviceBreakages?.length ?? 0) > 0);
}

// src/render/targets-md.ts
var md3 = (text2) => md(plain(text2));
var mdCode3 = (text2) => mdCode(plain(text2));
var cellCode3 = (text2) => cellCode(plain(text2));
var cellMd = (text2) => md(cellText(plain(text2)));
function wordsFormat(code) {
  return { code, text: md3, hop: (h) => `${md3(h.kind)} ${code(`${h.namespace}/${h.name}`)}`, reason: (r) => reasonName(r, code, md3) };
}
var VERDICT = wordsFormat(mdCode3);
var CELL = wordsFormat(cellCode3);
var plural4 = (n, one, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
function failureDetail(t) {
  const lines = (t.failure?.message ?? "").split("\n").slice(1).map((l) => l.trim()).filter((l) => l !== "");
  const said = lines.find((l) => /^error\b/i.test(l)) ?? lines[lines.length - 1];
  return said === void 0 ? void 0 : said.length > 200 ? `\u2026${said.slice(-199)}` : said;
}
function failureLine(t) {
  const first = (t.failure?.message ?? "").split("\n")[0] ?? "";
  return first.replace(/^target .*? \((?:kustomize|helm|paths) [^)]*(?:\([^)]*\))?[^)]*\) /, "").replace(/^was not analyzed: /, "");
}
function targetResult(t, allowedBy = null) {
  if (t.skipped !== void 0) return t.skipped === "cap" ? "not analyzed: past the target cap" : "not analyzed: not done by the deadline";
  if (t.failure !== void 0) return `not analyzed \u2014 ${failureLine(t).split(": ")[0]}`;
  const r = t.report;
  const missed = r.unanalyzed.objects.length;
  if (!isChanged(t)) return missed > 0 ? `no change to what netreach analyzes; ${plural4(missed, "changed object")} not analyzed${r.gate.passed ? "" : " \u2014 gate failed"}` : "no change";
  const g = groupChanges(r);
  const exposed = new Set(r.exposureChanges.filter((c) => !newlyOpened(c).isEmpty).map((c) => c.dst.id)).size;
  const parts = [
    exposed > 0 ? `${plural4(exposed, "workload")} newly exposed` : "",
    g.openedFlows > 0 ? `${plural4(g.openedFlows, "flow")} opened` : "",
    g.closedFlows > 0 ? `${plural4(g.closedFlows, "flow")} closed` : ""
  ].filter((s) => s !== "");
  const flows = parts.length === 0 ? "no flow changed" : parts.join(", ");
  return `${flows} \u2014 ${r.gate.passed ? "gate passed" : allowedBy !== null ? "gate failed, allowed by label" : "gate failed"}`;
}
function appears(t) {
  if (t.base.absent && !t.head.absent) return " (added by this change)";
  if (t.head.absent && !t.base.absent) return " (removed by this change)";
  return "";
}
function renderTargetsComment(outcomes, ctx) {
  const maxChars = ctx.maxChars ?? DEFAULT_MAX_COMMENT_CHARS;
  const size = ctx.measure === "utf8" ? utf8Size : (t) => t.length;
  const clip = (t, n) => ctx.measure === "utf8" ? cutText(t, n, utf8Size) : t.slice(0, n);
  const allowedBy = ctx.gateAllowedByLabel ?? null;
  const failedGate = outcomes.filter((t) => t.report !== void 0 && !t.report.gate.passed);
  const notBuilt = outcomes.filter((t) => t.failure !== void 0);
  const changed2 = outcomes.filter(isChanged);
  const head = [ctx.marker, `### netreach: network flows${ctx.header ? ` \u2014 ${md3(ctx.header)}` : ""}`];
  if (notBuilt.length > 0) {
    const lines = notBuilt.slice(0, 5).map((t) => {
      const detail = failureDetail(t);
      return `**\u26D4 Not analyzed: ${mdCode3(t.name)}** \u2014 ${md3(failureLine(t))}${detail !== void 0 ? `: ${mdCode3(detail)}` : ""}`;
    });
    if (notBuilt.length > 5) lines.push(`**\u26D4 Not analyzed: ${notBuilt.length - 5} more targets** (see the table).`);
    head.push(lines.join("\\\n"));
  }
  const unread = ctx.unread ?? { files: [], fails: false };
  const seenObjects = /* @__PURE__ */ new Set();
  const missedObjects = outcomes.flatMap((t) => t.report?.unanalyzed.objects ?? []).filter((o) => {
    const key = `${o.kind}\0${o.namespace ?? ""}\0${o.name}`;
    return seenObjects.has(key) ? false : (seenObjects.add(key), true);
  });
  if (unread.files.length > 0 || missedObjects.length > 0)
    head.push(`\u26A0\uFE0F Not analyzed: ${unanalyzedSummary({ objects: missedObjects, files: unread.files }, mdCode3)}${unread.fails && unread.files.length > 0 ? " (gate rule `unanalyzed`)" : ""}.`);
  const unreadFails = unread.fails && unread.files.length > 0;
  const status = notBuilt.length > 0 ? `gate error: ${plural4(notBuilt.length, "target")} not analyzed${failedGate.length > 0 ? `, gate failed in ${list2(failedGate)}` : ""}` : failedGate.length > 0 || unreadFails ? `gate failed${failedGate.length > 0 ? ` in ${list2(failedGate)}` : ""}${unreadFails ? `${failedGate.length > 0 ? " and" : ""} on files no target reads` : ""}${allowedBy !== null ? `, allowed by label ${mdCode3(allowedBy)}` : ""}` : "gate passed";
  const verdictParts = [
    `${plural4(outcomes.length, "target")}`,
    changed2.length === 0 ? notBuilt.length > 0 ? "no change in the targets analyzed" : missedObjects.length + unread.files.length > 0 ? "no change to what netreach analyzes" : "no change to reachability" : `${changed2.length} changed`
  ];
  const lead = worstWords(changed2);
  head.push(`**${verdictParts.join(", ")} \u2014 ${status}.**${lead.text}`);
  if (ctx.config !== void 0 && (ctx.config.changed || ctx.config.notes.length > 0)) head.push(configSection(ctx.config));
  const rows = outcomes.map((t) => {
    const gate = t.failure !== void 0 ? "\u26D4 error" : t.report.gate.passed ? "passed" : allowedBy !== null ? "\u26A0\uFE0F failed (allowed)" : "\u26D4 failed";
    const worst = t.report !== void 0 && isChanged(t) ? cellWorst(targetWorst(t.report, CELL), lead.risk !== t, lead.breakage !== t) : "";
    return `| ${cellCode3(t.name)} | ${cellMd(t.built)}${appears(t)} | ${md3(targetResult(t, allowedBy))}${worst !== "" ? `; ${worst}` : ""} | ${gate} |`;
  });
  head.push(["| Target | Built from | Result | Gate |", "| --- | --- | --- | --- |", ...rows].join("\n"));
  const sections = outcomes.filter((t) => t.failure !== void 0 || isChanged(t) || (t.report?.unanalyzed.objects.length ?? 0) > 0);
  const top = head.join("\n\n");
  const left = maxChars - size(top) - 400;
  const share = sections.length === 0 ? 0 : Math.floor(left / sections.length);
  const parts = [top];
  const dropped = [];
  for (const t of sections) {
    const title = `### ${mdCode3(t.name)} \u2014 ${md3(t.built)}${appears(t)}`;
    if (share < 1200) {
      dropped.push(t.name);
      continue;
    }
    if (t.failure !== void 0) {
      const [first, ...detail] = t.failure.message.split("\n");
      parts.push(clip(`${title}

> [!CAUTION]
> ${md3(first ?? "")}${detail.length > 0 ? `

${fence(detail.join("\n"), "text")}` : ""}`, share));
      continue;
    }
    const body = renderComment(t.report, { ...ctx, marker: "", header: void 0, maxChars: share - size(title) - 4 });
    parts.push(`${title}

${body.replace(/^\n*### netreach: network flows\n\n/, "").trimEnd()}`);
  }
  if (dropped.length > 0) parts.push(`> [!NOTE]
> Left out to fit a comment: the sections of ${dropped.map((n) => mdCode3(n)).join(", ")}. ${ctx.summaryNote ?? "See the job summary or the JSON report for everything."}`);
  const text2 = parts.join("\n\n");
  return (size(text2) > maxChars - 1 ? clip(text2, maxChars - 1) : text2) + "\n";
}
function configSection(c) {
  const lines = [`**${mdCode3(c.file)} ${c.head === "absent" ? "deleted" : c.base === "absent" ? "added" : c.changed ? "changed" : "as at the base"} by this pull request.** The gate's settings come from the base revision's file.`];
  for (const n of c.notes) lines.push(`- ${n.map((p) => typeof p === "string" ? md3(p) : mdCode3(p.code)).join("")}`);
  const text2 = lines.join("\n");
  if (c.patch === void 0 || c.patch.trim() === "") return text2;
  return `${text2}

<details><summary>${md3(c.file)}: the change</summary>

${fence(c.patch.replace(/\n$/, ""), "diff")}

</details>`;
}
function worstWords(changed2) {
  const worst = changed2.map((t) => ({ t, w: targetWorst(t.report, VERDICT) }));
  const risk2 = worstOver(worst, (x) => x.w.risk);
  const broken = worstOver(worst, (x) => x.w.breakage);
  const parts = [];
  if (risk2 !== void 0) parts.push(risk2.worst.rank <= 1 ? `\u26D4 **In ${mdCode3(risk2.item.t.name)}:** ${risk2.worst.text}.` : `\u26A0\uFE0F **Newly exposed in ${mdCode3(risk2.item.t.name)}:** ${risk2.worst.text}.`);
  if (broken !== void 0) {
    const more = worst.reduce((n, x) => n + x.w.breakages, 0) - 1;
    const where = new Set(worst.filter((x) => x.w.breakages > 0).map((x) => x.t.name)).size;
    parts.push(`\u26A0\uFE0F **Stops working in ${mdCode3(broken.item.t.name)}:** ${broken.worst.text}${more > 0 ? `; and ${more.toLocaleString("en-US")} more${where > 1 ? " in the targets' sections" : " below"}` : ""}.`);
  }
  return { text: parts.map((p) => ` ${p}`).join(""), risk: risk2?.item.t, breakage: broken?.item.t };
}
function cellWorst(w, risk2, breakage) {
  return [w.risk && risk2 ? w.risk.rank === 1 ? `\u26D4 ${w.risk.text}` : `\u26A0\uFE0F newly exposed: ${w.risk.text}` : "", w.breakage && breakage ? `\u26A0\uFE0F stops working: ${w.breakage.text}${w.breakages > 1 ? `; and ${(w.breakages - 1).toLocaleString("en-US")} more below` : ""}` : ""].filter((p) => p !== "").join(" \xB7 ");
}
function list2(ts) {
  const names = ts.map((t) => mdCode3(t.name));
  return names.length <= 5 ? names.join(", ") : `${names.slice(0, 5).join(", ")} and ${names.length - 5} more`;
}

// src/render/config-review.ts
function noteText(n) {
  return n.map((p) => typeof p === "string" ? p : `\`${p.code}\``).join("");
}

// src/render/targets-json.ts
function* targetsJsonChunks(outcomes, options = {}) {
  yield* jsonChunks(targetsJsonLazy(outcomes, options));
  yield "\n";
}
function targetsJsonLazy(outcomes, options) {
  const reports = outcomes.flatMap((t) => t.report === void 0 ? [] : [t.report]);
  const grouped2 = isGrouped(reports, options);
  const sets = new ChangeSets();
  const endpoints = [];
  const changes = [];
  const violations = [];
  const gate = { passed: true, status: "passed", failOn: [] };
  const unanalyzed = { objects: [], files: [] };
  const diagnostics2 = [];
  const assumptions2 = [];
  const workloads = [];
  const exposures = [];
  const stopsWorking2 = { services: [], cutOff: [] };
  const groups2 = [];
  const seen = /* @__PURE__ */ new Set();
  const kinds = /* @__PURE__ */ new Map();
  let documents = 0;
  let total = 0;
  let totalViolations = 0;
  let listed2 = 0;
  let listedViolations = 0;
  for (const t of outcomes) {
    const tag = { target: t.name };
    if (t.failure !== void 0) {
      diagnostics2.push({ ...diagnosticJson(t.failure), ...tag });
      gate.passed = false;
      gate.status = "error";
    }
    if (t.report !== void 0) {
      const r = grouped2 ? { ...t.report, changes: t.report.changes.slice(0, LISTED_WHEN_GROUPED - listed2), gate: { ...t.report.gate, violations: t.report.gate.violations.slice(0, LISTED_WHEN_GROUPED - listedViolations) } } : t.report;
      const j = diffJsonLazy(r, false, sets, tag);
      for (const e of j.endpoints) if (!seen.has(e.id)) seen.add(e.id), endpoints.push(e);
      changes.push(j.changes);
      violations.push(j.gate.violations);
      total += t.report.changes.length;
      totalViolations += t.report.gate.violations.length;
      listed2 += r.changes.length;
      listedViolations += r.gate.violations.length;
      if (grouped2) for (const g of changeGroupsJson(t.report, sets, reasonJson)) groups2.push({ ...tag, ...g });
      gate.passed &&= j.gate.passed;
      if (!j.gate.passed && gate.status === "passed") gate.status = "failed";
      for (const o of j.unanalyzed.objects) unanalyzed.objects.push({ ...o, ...tag });
      for (const f of j.unanalyzed.files) if (!unanalyzed.files.includes(f)) unanalyzed.files.push(f);
      for (const rule of j.gate.failOn) if (!gate.failOn.includes(rule)) gate.failOn.push(rule);
      for (const d of j.diagnostics) diagnostics2.push({ ...d, ...tag });
      for (const a of j.assumptions) assumptions2.push(`${t.name}: ${a}`);
      documents += j.skipped.documents;
      for (const [k, n] of Object.entries(j.skipped.kinds)) kinds.set(k, (kinds.get(k) ?? 0) + n);
      for (const w of j.workloads) workloads.push({ ...w, ...tag });
      for (const e of j.exposures) exposures.push({ ...e, ...tag });
      for (const s of j.stopsWorking?.services ?? []) stopsWorking2.services.push({ ...s, ...tag });
      for (const c of j.stopsWorking?.cutOff ?? []) stopsWorking2.cutOff.push({ ...c, ...tag });
    }
  }
  const unread = options.unread;
  for (const f of unread?.files ?? []) if (!unanalyzed.files.includes(f)) unanalyzed.files.push(f);
  if (unread !== void 0 && unread.fails && unread.files.length > 0) {
    gate.passed = false;
    if (gate.status === "passed") gate.status = "failed";
    if (!gate.failOn.includes("unanalyzed")) gate.failOn.push("unanalyzed");
    violations.push(jsonList(unread.files, (f) => unreadFileViolation(f, "no target")));
  }
  const listedGate = { ...gate, violations: jsonConcat(violations) };
  return {
    schema: "netreach.diff/v1",
    endpoints,
    changes: jsonConcat(changes),
    ...grouped2 ? { changesTruncated: { total, listed: listed2 }, changeSets: sets.json(endpoints.map((e) => e.id)), changeGroups: groups2 } : {},
    gate: grouped2 ? { ...listedGate, violationsTruncated: { total: totalViolations, listed: listedViolations } } : listedGate,
    diagnostics: diagnostics2,
    assumptions: assumptions2,
    skipped: skippedJson({ documents, kinds }),
    workloads,
    exposures,
    stopsWorking: stopsWorking2,
    unanalyzed,
    targets: outcomes.map(targetJson),
    ...options.config !== void 0 ? { config: { file: options.config.file, base: options.config.base, head: options.config.head, changed: options.config.changed, notes: options.config.notes.map(noteText) } } : {}
  };
}
function targetJson(t) {
  const r = t.report;
  return {
    name: t.name,
    kind: t.kind,
    source: t.built,
    path: t.path,
    values: [...t.values],
    release: t.release ?? null,
    namespace: t.namespace ?? null,
    origin: t.origin,
    definedIn: t.definedIn ? { ...t.definedIn } : null,
    status: t.failure !== void 0 ? "failed" : isChanged(t) ? "changed" : "unchanged",
    // Flows as the comment counts them (see Grouping), not the engine's pairs.
    opened: r ? groupChanges(r).openedFlows : 0,
    closed: r ? groupChanges(r).closedFlows : 0,
    changed: r ? groupChanges(r).changedFlows : 0,
    gate: r ? { passed: r.gate.passed, status: r.gate.passed ? "passed" : "failed", failOn: [...r.gateConfig.failOn], violations: r.gate.violations.length } : { passed: false, status: "error", failOn: [], violations: 0 },
    base: sideJson(t.base),
    head: sideJson(t.head),
    error: t.failure?.message ?? null
  };
}
function sideJson(s) {
  return { tool: s.tool ?? null, absent: s.absent ?? false, reused: s.reused ?? false, ms: s.ms };
}

// src/render/targets-text.ts
function renderTargetsText(outcomes) {
  const notBuilt = outcomes.filter((t) => t.failure !== void 0);
  const failed2 = outcomes.filter((t) => t.report !== void 0 && !t.report.gate.passed);
  const gate = notBuilt.length > 0 ? `gate error: ${notBuilt.length} not analyzed (${notBuilt.map((t) => plain(t.name)).join(", ")})` : failed2.length > 0 ? "gate failed" : "gate passed";
  const out = [`netreach: ${outcomes.length} target${outcomes.length === 1 ? "" : "s"} \u2014 ${gate}`];
  for (const t of outcomes) out.push(`  ${plain(t.name)} (${plain(t.built)}): ${targetResult(t)}`);
  for (const t of outcomes) {
    out.push("", `== ${plain(t.name)} (${plain(t.built)}) ==`);
    if (t.failure !== void 0) out.push(`not analyzed: ${plain(t.failure.message)}`);
    else out.push(renderDiffText(t.report).trimEnd());
  }
  return out.join("\n") + "\n";
}

// src/targets/config.ts
var import_yaml6 = __toESM(require_dist(), 1);

// src/targets/repo-path.ts
import * as path from "node:path";
function repoPath(from, rel) {
  if (rel.includes("\0")) return void 0;
  const joined = rel.startsWith("/") ? `.${rel}` : from === "" ? rel : `${from}/${rel}`;
  const n = path.posix.normalize(joined === "" ? "." : joined);
  if (n === ".." || n.startsWith("../")) return void 0;
  return n === "." || n === "./" ? "" : n.replace(/\/$/, "").replace(/^\.\//, "");
}
function outsideMessage(what, rel, from) {
  return `${what} ${JSON.stringify(rel)}${from === "" ? "" : ` (relative to ${from})`} leads outside the repository; paths must stay inside it`;
}
function resolvePath(from, rel, what, problems) {
  const r = repoPath(from, rel);
  if (r !== void 0) return r;
  problems.push(outsideMessage(what, rel, from));
  return rel;
}

// src/targets/config.ts
var CONFIG_FILE = ".netreach.yaml";
var ConfigError = class extends Error {
  name = "ConfigError";
};
var PODS = ["auto", "declared", "synthetic"];
var NAME2 = /^[A-Za-z0-9][A-Za-z0-9._/-]{0,99}$/;
var DNS_LABEL2 = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
function parseConfig(file, text2) {
  const lc = new import_yaml6.LineCounter();
  const doc = (0, import_yaml6.parseDocument)(text2, { lineCounter: lc, uniqueKeys: true });
  const at3 = (node) => {
    const r = node?.range;
    return r ? lc.linePos(r[0]).line : 1;
  };
  const fail = (node, message) => {
    throw new ConfigError(`${file}:${at3(node)}: ${message}`);
  };
  if (doc.errors.length > 0) fail(void 0, `not valid YAML: ${doc.errors[0].message.split("\n")[0]}`);
  if (doc.contents === null) return { targets: [], discover: true };
  if (!(0, import_yaml6.isMap)(doc.contents)) fail(doc.contents, "must be a mapping with a `targets` list");
  const top = doc.contents;
  for (const item of top.items) {
    const k = String(item.key.value);
    if (!["targets", "discover"].includes(k)) fail(item.key, `unknown key "${k}" (known: targets, discover)`);
  }
  const list6 = top.get("targets", true);
  const targets2 = [];
  if (list6 !== void 0 && list6 !== null && !((0, import_yaml6.isSeq)(list6) || list6.value === null)) fail(list6, "`targets` must be a list");
  if ((0, import_yaml6.isSeq)(list6)) {
    for (const node of list6.items) {
      if (!(0, import_yaml6.isMap)(node)) fail(node, "each target must be a mapping (name, kind, path, \u2026)");
      const m = node;
      const value = (k) => {
        const v = m.get(k, true);
        return v;
      };
      const str2 = (k) => {
        const v = value(k);
        if (v === void 0) return void 0;
        if (typeof v.value !== "string" && typeof v.value !== "number") fail(v, `${k} must be a string`);
        return String(v.value);
      };
      const strings = (k) => {
        const v = value(k);
        if (v === void 0) return void 0;
        if (typeof v.value === "string") return v.value.split(",").map((s) => s.trim()).filter((s) => s !== "");
        if (!(0, import_yaml6.isSeq)(v)) fail(v, `${k} must be a list or a comma-separated string`);
        return (v.items ?? []).map((i) => {
          const s = i.value;
          if (typeof s !== "string") fail(i, `${k} entries must be strings`);
          return s;
        });
      };
      for (const item of m.items) {
        const k = String(item.key.value);
        if (!["name", "kind", "path", "paths", "values", "release", "namespace", "pods", "fail-on"].includes(k))
          fail(item.key, `unknown target key "${k}" (known: name, kind, path, paths, values, release, namespace, pods, fail-on)`);
      }
      const name2 = str2("name");
      if (name2 === void 0) fail(node, "a target needs a name");
      if (!NAME2.test(name2)) fail(value("name"), `target name ${JSON.stringify(name2)} must be letters, digits, ".", "_", "-" or "/" (at most 100)`);
      if (targets2.some((t) => t.name === name2)) fail(value("name"), `target name ${JSON.stringify(name2)} is used twice`);
      const kind = str2("kind") ?? (value("paths") !== void 0 ? "paths" : void 0);
      const p = str2("path");
      let source;
      const problems = [];
      if (kind === "kustomize") {
        if (p === void 0) fail(node, `target ${name2}: kind kustomize needs path (the kustomization's directory)`);
        source = { kind, dir: resolvePath("", p, "path", problems) };
      } else if (kind === "helm") {
        if (p === void 0) fail(node, `target ${name2}: kind helm needs path (the chart's directory)`);
        const chart = resolvePath("", p, "path", problems);
        const release = str2("release") ?? (chart.split("/").filter((s) => s !== "" && s !== "..").pop() || "release");
        source = { kind, chart, values: (strings("values") ?? []).map((v) => resolvePath(chart, v, "values file", problems)), release };
      } else if (kind === "paths") {
        source = { kind, paths: (strings("paths") ?? (p !== void 0 ? [p] : [])).map((x) => resolvePath("", x, "path", problems)) };
      } else fail(value("kind") ?? node, `target ${name2}: kind must be kustomize, helm or paths`);
      const namespace = str2("namespace");
      if (namespace !== void 0 && !DNS_LABEL2.test(namespace)) fail(value("namespace"), `target ${name2}: namespace ${JSON.stringify(namespace)} is not a valid namespace name`);
      const pods = str2("pods");
      if (pods !== void 0 && !PODS.includes(pods)) fail(value("pods"), `target ${name2}: pods must be one of ${PODS.join(", ")}`);
      let failOn;
      const fo = strings("fail-on");
      if (fo !== void 0) {
        const parsed = parseFailOn(fo.join(","));
        if (!parsed.ok) fail(value("fail-on"), `target ${name2}: ${parsed.error}`);
        else failOn = parsed.value;
      }
      targets2.push({
        name: name2,
        source,
        origin: "config",
        definedIn: { file, line: at3(node) },
        ...problems.length > 0 ? { invalid: problems.join("; ") } : {},
        ...namespace !== void 0 ? { namespace } : {},
        ...pods !== void 0 ? { pods } : {},
        ...failOn !== void 0 ? { failOn } : {}
      });
    }
  }
  const d = top.get("discover", true);
  if (d !== void 0 && typeof d.value !== "boolean") fail(d, "discover must be true or false");
  return { targets: targets2, discover: d !== void 0 ? d.value : targets2.length === 0 };
}

// src/targets/diff-targets.ts
import * as os2 from "node:os";

// src/tools/helm.ts
var import_yaml9 = __toESM(require_dist(), 1);
import * as fs5 from "node:fs";
import * as path6 from "node:path";

// src/tools/build-options.ts
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_MAX_OUTPUT_BYTES = 256 * 1024 * 1024;
function resolvedOptions(o) {
  return {
    searchPath: o.searchPath ?? process.env.PATH ?? "",
    timeoutMs: o.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxOutputBytes: o.maxOutputBytes ?? DEFAULT_MAX_OUTPUT_BYTES
  };
}

// src/tools/find-tool.ts
import * as fs from "node:fs";
import * as path2 from "node:path";
var install = {
  kustomize: "install kustomize (https://kubectl.docs.kubernetes.io/installation/kustomize/) or kubectl, which has it built in",
  kubectl: "install kubectl (https://kubernetes.io/docs/tasks/tools/)",
  helm: "install Helm v3 or v4 (https://helm.sh/docs/intro/install/)"
};
function missingToolMessage(names) {
  const list6 = names.map((n) => `\`${n}\``).join(" or ");
  return `${list6} not found on PATH: ${names.map((n) => install[n]).join("; ")}. GitHub's hosted runners (ubuntu-latest) ship kubectl, kustomize and helm; on a self-hosted runner or in a container, install them first.`;
}
function findOnPath(name2, searchPath) {
  for (const dir of searchPath.split(path2.delimiter)) {
    if (!path2.isAbsolute(dir)) continue;
    const file = path2.join(dir, name2);
    try {
      if (!fs.statSync(file).isFile()) continue;
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
    }
  }
  return void 0;
}

// src/tools/helm-source.ts
function splitHelmOutput(stdout) {
  const docs = [];
  for (const chunk of stdout.split(/^---[ \t]*(?:#.*)?$/m)) {
    const text2 = chunk.replace(/^\n/, "");
    if (!/^[ \t]*[^\s#]/m.test(text2)) continue;
    const m = /^# Source: (.+)$/m.exec(text2);
    docs.push({ template: m?.[1]?.trim(), text: text2 });
  }
  return docs;
}
function templatePath(chartDir, template) {
  const rest = template.split("/").slice(1).join("/");
  return chartDir === "" ? rest : `${chartDir}/${rest}`;
}

// src/tools/line-map.ts
var import_yaml7 = __toESM(require_dist(), 1);
function walk(doc, lc) {
  const lineOf = /* @__PURE__ */ new Map();
  const pathAt = /* @__PURE__ */ new Map();
  const record = (path17, offset) => {
    if (offset === void 0) return;
    const line = lc.linePos(offset).line;
    if (!lineOf.has(path17)) lineOf.set(path17, line);
    if (!pathAt.has(line)) pathAt.set(line, path17);
  };
  const visit = (node, path17) => {
    if ((0, import_yaml7.isMap)(node)) {
      for (const pair of node.items) {
        const key = (0, import_yaml7.isScalar)(pair.key) ? String(pair.key.value) : void 0;
        if (key === void 0) continue;
        const p = path17 === "" ? key : `${path17}/${key}`;
        record(p, pair.key.range?.[0]);
        visit(pair.value, p);
      }
    } else if ((0, import_yaml7.isSeq)(node)) {
      node.items.forEach((item, i) => {
        const p = path17 === "" ? String(i) : `${path17}/${i}`;
        record(p, item?.range?.[0]);
        visit(item, p);
      });
    }
  };
  const contents = doc.contents;
  record("", contents?.range?.[0]);
  visit(doc.contents, "");
  return { lineOf, pathAt };
}
function readYamlSource(text2) {
  const lc = new import_yaml7.LineCounter();
  let docs;
  try {
    docs = (0, import_yaml7.parseAllDocuments)(text2, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return void 0;
  }
  if (!Array.isArray(docs)) return void 0;
  const out = [];
  for (const doc of docs) {
    const contents = doc.contents;
    if (contents?.range === void 0 || doc.errors.length > 0) continue;
    let value;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    out.push({ line: lc.linePos(contents.range[0]).line, value, lines: walk(doc, lc).lineOf });
  }
  return { docs: out };
}
function jsonPatchLines(doc) {
  const out = /* @__PURE__ */ new Map([["", doc.line]]);
  if (!Array.isArray(doc.value)) return out;
  doc.value.forEach((op, i) => {
    const pointer = op?.path;
    if (typeof pointer !== "string") return;
    const key = pointer.split("/").slice(1).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")).join("/");
    const line = doc.lines.get(String(i));
    if (line !== void 0 && !out.has(key)) out.set(key, line);
  });
  return out;
}
function mapByPath(rendered, source, fallback) {
  const lc = new import_yaml7.LineCounter();
  const docs = (0, import_yaml7.parseAllDocuments)(rendered, { lineCounter: lc, uniqueKeys: false });
  const count = rendered.endsWith("\n") ? rendered.split("\n").length - 1 : rendered.split("\n").length;
  const doc = Array.isArray(docs) ? docs[0] : void 0;
  const pathAt = doc === void 0 ? /* @__PURE__ */ new Map() : walk(doc, lc).pathAt;
  const out = [];
  let current = fallback;
  for (let line = 1; line <= count; line++) {
    const path17 = pathAt.get(line);
    if (path17 !== void 0) current = longestPrefix(path17, source) ?? fallback;
    out.push(current);
  }
  return out;
}
function longestPrefix(path17, source) {
  const parts = path17 === "" ? [] : path17.split("/");
  for (let n = parts.length; n >= 0; n--) {
    const line = source.get(parts.slice(0, n).join("/"));
    if (line !== void 0) return line;
  }
  return void 0;
}
function mapByTemplate(rendered, template, kindLine) {
  const tLines = template.split("\n");
  let from = 0;
  let to = tLines.length;
  if (kindLine !== void 0) {
    for (let i = kindLine - 1; i >= 0; i--)
      if (/^---/.test(tLines[i])) {
        from = i + 1;
        break;
      }
    for (let i = kindLine; i < tLines.length; i++)
      if (/^---/.test(tLines[i])) {
        to = i;
        break;
      }
  }
  const rLines = rendered.endsWith("\n") ? rendered.slice(0, -1).split("\n") : rendered.split("\n");
  const out = [];
  let next = from;
  let current = kindLine ?? from + 1;
  for (const r of rLines) {
    const text2 = r.trim();
    if (text2 !== "" && !text2.startsWith("#")) {
      let found2 = false;
      for (let j = next; j < to; j++) {
        if (matches2(text2, tLines[j].trim())) {
          current = j + 1;
          next = j + 1;
          found2 = true;
          break;
        }
      }
      if (!found2) {
        for (let j = next; j < to; j++) {
          if (printsText(tLines[j].trim())) {
            current = j + 1;
            break;
          }
        }
      }
    }
    out.push(current);
  }
  return out;
}
function printsText(line) {
  if (!line.startsWith("{{") || !line.endsWith("}}")) return false;
  const inner = line.replace(/^\{\{-?\s*/, "");
  return !/^(if|else|end|with|range|define|block|\/\*|\$\w+\s*:?=)/.test(inner);
}
function matches2(rendered, template) {
  if (!template.includes("{{")) return rendered === template;
  const before = template.slice(0, template.indexOf("{{")).trim();
  return before !== "" && /(:|-)$/.test(before) && rendered.startsWith(before);
}

// src/tools/object-line.ts
var import_yaml8 = __toESM(require_dist(), 1);
function objectLine(text2, kind, name2) {
  const lc = new import_yaml8.LineCounter();
  let docs;
  try {
    docs = (0, import_yaml8.parseAllDocuments)(text2, { lineCounter: lc, uniqueKeys: false });
  } catch {
    return void 0;
  }
  if (!Array.isArray(docs)) return void 0;
  const found2 = [];
  for (const doc of docs) {
    const contents = doc.contents;
    if (contents?.range === void 0) continue;
    if (doc.get("kind") !== kind) continue;
    const n = doc.getIn(["metadata", "name"]);
    if (typeof n === "string" && n !== "") found2.push({ name: n, line: lc.linePos(contents.range[0]).line });
  }
  const exact = found2.filter((f) => f.name === name2);
  if (exact.length === 1) return exact[0].line;
  const part = found2.filter((f) => name2.includes(f.name));
  return part.length === 1 ? part[0].line : void 0;
}
function templateKindLine(template, renderedKinds, index) {
  const kindLines = [];
  template.split("\n").forEach((l, i) => {
    const m = /^kind:\s*["']?([A-Za-z0-9]+)["']?\s*(#.*)?$/.exec(l.trimEnd());
    if (m) kindLines.push({ kind: m[1], line: i + 1 });
  });
  const kind = renderedKinds[index];
  if (kindLines.length === renderedKinds.length && kindLines.every((k, i) => k.kind === renderedKinds[i])) return kindLines[index].line;
  const same = kindLines.filter((k) => k.kind === kind);
  return same.length === 1 ? same[0].line : void 0;
}

// src/tools/rendered.ts
function groupBySource(pieces) {
  const texts = /* @__PURE__ */ new Map();
  const written = /* @__PURE__ */ new Map();
  const objects = [];
  for (const p of pieces) {
    const file = p.group;
    const before = texts.get(file);
    const body = p.text.endsWith("\n") ? p.text : `${p.text}
`;
    const joined = before === void 0 ? body : `${before}---
${body}`;
    const line = before === void 0 ? 1 : lineCount(before) + 2;
    texts.set(file, joined);
    const at3 = written.get(file) ?? [];
    const n = lineCount(body);
    const fallback = p.origin.line ?? 1;
    if (before !== void 0) at3.push(at3[at3.length - 1] ?? fallback);
    for (let i = 0; i < n; i++) at3.push(p.lines?.[i] ?? p.lines?.[p.lines.length - 1] ?? fallback);
    written.set(file, at3);
    const { text: _text, group: _group, lines: _lines, ...rest } = p;
    objects.push({ ...rest, file, line });
  }
  return { files: [...texts].map(([path17, text2]) => ({ path: path17, text: text2, lines: written.get(path17) })), objects };
}
function lineCount(text2) {
  let n = 0;
  for (let i = 0; i < text2.length; i++) if (text2.charCodeAt(i) === 10) n++;
  return n;
}

// src/tools/tool-message.ts
var MAX_LINES2 = 20;
var MAX_CHARS = 4e3;
function trimToolMessage(stderr) {
  const lines = stderr.replace(/\u001b\[[0-9;?]*[ -/]*[@-~]/g, "").replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  let shown = lines.slice(0, MAX_LINES2).join("\n");
  if (shown.length > MAX_CHARS) shown = `${shown.slice(0, MAX_CHARS)}\u2026`;
  return lines.length > MAX_LINES2 ? `${shown}
(${lines.length - MAX_LINES2} more lines)` : shown;
}

// src/tools/run-failure.ts
function runFailure(tool, what, r, timeoutMs, classify3 = () => void 0) {
  const fail = (failure, error, detail) => ({ ok: false, tool, failure, error, detail: trimToolMessage(detail) });
  switch (r.kind) {
    case "exited": {
      if (r.status === 0) return void 0;
      const c = classify3(r.stderr);
      return fail(c?.failure ?? "failed", c?.error ?? `${what} failed (${tool} exited with status ${r.status})`, r.stderr);
    }
    case "timeout":
      return fail("timeout", `${what} took longer than ${Math.round(timeoutMs / 1e3)} s; ${tool} was stopped`, r.stderr);
    case "too-much-output":
      return fail("failed", `${what} printed more output than netreach reads; ${tool} was stopped`, r.stderr);
    case "killed":
      return fail("failed", `${what} was killed (${r.signal})`, r.stderr);
    case "not-started":
      return fail("failed", `${tool} could not be started (${r.code})`, r.message);
  }
}
async function neverRejects(tool, build2) {
  try {
    return await build2();
  } catch (e) {
    return { ok: false, tool, failure: "failed", error: `${tool} could not run: ${e instanceof Error ? e.message : String(e)}`, detail: "" };
  }
}

// src/tools/run-tool.ts
import { spawn } from "node:child_process";

// src/tools/cleanup.ts
import * as fs2 from "node:fs";
import * as path3 from "node:path";
var GROUP_LEDGER_ENV = "NETREACH_GROUP_LEDGER";
var GROUP_LEDGER_PREFIX = "netreach-group-";
var PARENT_PID_ENV = "NETREACH_PARENT_PID";
var groups = /* @__PURE__ */ new Set();
var dirs = /* @__PURE__ */ new Set();
var CLEANUP_SIGNALS = ["SIGTERM", "SIGINT", "SIGHUP"];
var installed = false;
function install2() {
  if (installed) return;
  installed = true;
  process.on("exit", cleanupNow);
  const handlers = /* @__PURE__ */ new Map();
  for (const sig of CLEANUP_SIGNALS) {
    handlers.set(sig, () => {
      cleanupNow();
      for (const [s, h] of handlers) process.removeListener(s, h);
      if (process.listenerCount(sig) === 0) process.kill(process.pid, sig);
    });
  }
  for (const [s, h] of handlers) process.on(s, h);
  const parent = Number(process.env[PARENT_PID_ENV]);
  if (Number.isInteger(parent) && parent > 1 && process.ppid === parent)
    setInterval(() => {
      if (process.ppid === parent) return;
      const ledger = process.env[GROUP_LEDGER_ENV];
      if (ledger) dirs.add(ledger);
      process.kill(process.pid, "SIGTERM");
    }, 1e3).unref();
}
function cleanupNow() {
  for (const pgid of groups) killGroup(pgid);
  groups.clear();
  for (const dir of dirs) removeDir(dir);
  dirs.clear();
}
function trackGroup(pgid) {
  install2();
  groups.add(pgid);
  const ledger = process.env[GROUP_LEDGER_ENV];
  const entry2 = ledger ? path3.join(ledger, `${GROUP_LEDGER_PREFIX}${pgid}`) : void 0;
  if (entry2 !== void 0)
    try {
      fs2.writeFileSync(entry2, "");
    } catch {
    }
  return () => {
    groups.delete(pgid);
    if (entry2 !== void 0) fs2.rmSync(entry2, { force: true });
  };
}
function trackDir(dir) {
  install2();
  dirs.add(dir);
  return () => void dirs.delete(dir);
}
function removeTrackedDir(dir) {
  dirs.delete(dir);
  removeDir(dir);
}
function killGroup(pgid) {
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
  }
}
function removeDir(dir) {
  try {
    fs2.rmSync(dir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  } catch {
  }
}

// src/tools/run-tool.ts
var MAX_STDERR_BYTES = 64 * 1024;
function runTool(file, args, opts) {
  return new Promise((resolve6) => {
    let child3;
    try {
      child3 = spawn(file, args, { cwd: opts.cwd, env: opts.env, detached: true, stdio: ["ignore", "pipe", "pipe"], windowsHide: true });
    } catch (e) {
      const err2 = e;
      resolve6({ kind: "not-started", code: err2.code ?? "error", message: err2.message });
      return;
    }
    const out = [];
    let outBytes = 0;
    const err = [];
    let errBytes = 0;
    let ended;
    const killGroup3 = (why) => {
      ended ??= why;
      try {
        if (child3.pid !== void 0) process.kill(-child3.pid, "SIGKILL");
      } catch {
      }
    };
    const untrack = child3.pid !== void 0 ? trackGroup(child3.pid) : () => {
    };
    const timer = setTimeout(() => killGroup3("timeout"), opts.timeoutMs);
    child3.stdout.on("data", (chunk) => {
      outBytes += chunk.length;
      if (outBytes > opts.maxOutputBytes) killGroup3("too-much-output");
      else out.push(chunk);
    });
    child3.stderr.on("data", (chunk) => {
      if (errBytes < MAX_STDERR_BYTES) err.push(chunk.subarray(0, MAX_STDERR_BYTES - errBytes));
      errBytes += chunk.length;
    });
    child3.on("error", (e) => {
      clearTimeout(timer);
      untrack();
      resolve6({ kind: "not-started", code: e.code ?? "error", message: e.message });
    });
    child3.on("close", (status, signal) => {
      clearTimeout(timer);
      if (child3.pid !== void 0) {
        try {
          process.kill(-child3.pid, "SIGKILL");
        } catch {
        }
      }
      untrack();
      const stderr = Buffer.concat(err).toString("utf8");
      if (ended !== void 0) resolve6({ kind: ended, stderr });
      else if (status === null) resolve6({ kind: "killed", signal: signal ?? "signal", stderr });
      else resolve6({ kind: "exited", status, stdout: Buffer.concat(out), stderr });
    });
  });
}

// src/tools/target-path.ts
import * as fs3 from "node:fs";
import * as path4 from "node:path";
function resolveInTree(root, rel, want) {
  if (rel.includes("\0") || /^[a-z][a-z0-9+.-]*:\/\//i.test(rel)) return { problem: `${JSON.stringify(rel)} is not a path in the repository` };
  const parts = rel.split("/").filter((p) => p !== "" && p !== ".");
  if (rel.startsWith("/") || path4.isAbsolute(rel) || parts.includes(".."))
    return { problem: `${JSON.stringify(rel)} must be relative to the repository root, without ".."` };
  let abs = root;
  for (const [i, part] of parts.entries()) {
    abs = path4.join(abs, part);
    let st2;
    try {
      st2 = fs3.lstatSync(abs);
    } catch {
      return { problem: `${parts.join("/") || "."} does not exist in this revision` };
    }
    if (st2.isSymbolicLink()) return { problem: `${parts.slice(0, i + 1).join("/")} is a symbolic link (not followed)` };
  }
  const st = fs3.statSync(abs);
  if (want === "directory" ? !st.isDirectory() : !st.isFile())
    return { problem: `${parts.join("/") || "."} is not a ${want}` };
  return { abs, rel: parts.join("/") };
}
function entryAt(root, rel) {
  let abs = root;
  for (const part of rel.split("/").filter((p) => p !== "")) {
    abs = path4.join(abs, part);
    let st2;
    try {
      st2 = fs3.lstatSync(abs);
    } catch {
      return "missing";
    }
    if (st2.isSymbolicLink()) return "link";
  }
  const st = fs3.lstatSync(abs);
  return st.isDirectory() ? "directory" : st.isFile() ? "file" : "other";
}

// src/tools/tool-env.ts
import * as fs4 from "node:fs";
import * as os from "node:os";
import * as path5 from "node:path";
var DEAD_PROXY = "http://127.0.0.1:9";
function makeToolHome(searchPath) {
  const dir = fs4.realpathSync(fs4.mkdtempSync(path5.join(os.tmpdir(), "netreach-home-")));
  trackDir(dir);
  const sub = (name2) => {
    const d = path5.join(dir, name2);
    fs4.mkdirSync(d, { recursive: true });
    return d;
  };
  const env = {
    PATH: searchPath,
    HOME: dir,
    TMPDIR: sub("tmp"),
    LANG: "C.UTF-8",
    XDG_CONFIG_HOME: sub("config"),
    XDG_CACHE_HOME: sub("cache"),
    XDG_DATA_HOME: sub("data"),
    // Never read: points at a file that does not exist, so no cluster is ever contacted.
    KUBECONFIG: path5.join(dir, "no-kubeconfig"),
    HTTP_PROXY: DEAD_PROXY,
    HTTPS_PROXY: DEAD_PROXY,
    ALL_PROXY: DEAD_PROXY,
    http_proxy: DEAD_PROXY,
    https_proxy: DEAD_PROXY,
    all_proxy: DEAD_PROXY,
    NO_PROXY: "",
    no_proxy: "",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: os.devNull,
    GIT_TERMINAL_PROMPT: "0",
    GCM_INTERACTIVE: "never",
    // A protocol name that does not exist: git refuses every transport (https, ssh, git, file).
    GIT_ALLOW_PROTOCOL: "netreach-none",
    HELM_CACHE_HOME: sub("helm-cache"),
    HELM_CONFIG_HOME: sub("helm-config"),
    HELM_DATA_HOME: sub("helm-data"),
    HELM_PLUGINS: sub("helm-plugins"),
    HELM_REGISTRY_CONFIG: path5.join(dir, "helm-config", "registry.json"),
    HELM_REPOSITORY_CONFIG: path5.join(dir, "helm-config", "repositories.yaml"),
    HELM_REPOSITORY_CACHE: sub("helm-cache/repository"),
    HELM_CONTENT_CACHE: sub("helm-cache/content")
  };
  return { dir, env, cleanup: () => removeTrackedDir(dir) };
}

// src/tools/helm.ts
var DNS_LABEL3 = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
var versions = /* @__PURE__ */ new Map();
function helmTemplate(root, target2, options = {}) {
  return neverRejects("helm template", () => render(root, target2, options));
}
async function render(root, target2, options) {
  const opts = resolvedOptions(options);
  let tool = "helm template";
  const fail = (failure, error, detail = "") => ({ ok: false, tool, failure, error, detail });
  const helm = findOnPath("helm", opts.searchPath);
  if (helm === void 0) return fail("missing-tool", missingToolMessage(["helm"]));
  const chart = resolveInTree(root, target2.chart, "directory");
  if ("problem" in chart) return fail("invalid-target", `helm chart: ${chart.problem}`);
  if (!fs5.existsSync(path6.join(chart.abs, "Chart.yaml"))) return fail("invalid-target", `helm chart ${chart.rel || "."} has no Chart.yaml`);
  if (target2.release.length > 53 || !DNS_LABEL3.test(target2.release))
    return fail("invalid-target", `helm release name ${JSON.stringify(target2.release)} must be a DNS label (lowercase letters, digits and "-", at most 53)`);
  if (target2.namespace.length > 63 || !DNS_LABEL3.test(target2.namespace))
    return fail("invalid-target", `namespace ${JSON.stringify(target2.namespace)} must be a DNS label (lowercase letters, digits and "-", at most 63)`);
  const values = [];
  for (const v of target2.values ?? []) {
    const file = resolveInTree(root, v, "file");
    if ("problem" in file) return fail("invalid-target", `helm values file: ${file.problem}`);
    values.push(file.abs);
  }
  const home = makeToolHome(opts.searchPath);
  try {
    const run = (args2) => runTool(helm, args2, { cwd: home.dir, env: home.env, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    let version = versions.get(helm);
    if (version === void 0) {
      version = run(["version", "--short"]);
      versions.set(helm, version);
    }
    const ran = await version;
    const versionFailed = runFailure("helm", "`helm version`", ran, opts.timeoutMs);
    if (versionFailed !== void 0) {
      versions.delete(helm);
      return versionFailed;
    }
    const v = ran.kind === "exited" ? ran.stdout.toString("utf8").trim() : "";
    const major = /^v(\d+)\./.exec(v)?.[1];
    if (major !== "3" && major !== "4")
      return fail("missing-tool", `netreach needs Helm v3 or v4; \`helm version --short\` says ${JSON.stringify(v.slice(0, 40))}`);
    tool = `helm ${v.replace(/\+.*$/, "")}`;
    if (target2.inlineValues !== void 0) {
      const inline = path6.join(home.dir, "inline-values.yaml");
      fs5.writeFileSync(inline, target2.inlineValues);
      values.push(inline);
    }
    const args = ["template", target2.release, chart.abs, `--namespace=${target2.namespace}`, ...values.map((f) => `--values=${f}`)];
    const r = await run(args);
    const failed2 = runFailure(tool, `rendering chart ${chart.rel || "."}`, r, opts.timeoutMs, (stderr) => classify(stderr, chart.rel || "."));
    if (failed2 !== void 0) return failed2;
    if (r.kind !== "exited") throw new Error("unreachable");
    return readOutput(root, chart.rel, tool, target2.namespace, r.stdout.toString("utf8"), trimToolMessage(r.stderr));
  } finally {
    home.cleanup();
  }
}
function classify(stderr, chart) {
  if (/missing in charts\/ directory|helm dependency build/.test(stderr))
    return {
      failure: "failed",
      error: `chart ${chart} has dependencies that are not in its charts/ directory; netreach never downloads charts: run \`helm dependency build\` and commit charts/`
    };
  return void 0;
}
function readOutput(root, chartRel, tool, namespace, stdout, warnings) {
  const docs = splitHelmOutput(stdout);
  const parsed = [];
  for (const d of docs) {
    const [doc, ...extra] = (0, import_yaml9.parseAllDocuments)(d.text, { uniqueKeys: false });
    const error = doc?.errors[0] ?? extra[0]?.errors[0];
    if (doc === void 0 || error !== void 0)
      return {
        ok: false,
        tool,
        failure: "unreadable-output",
        error: `${tool} rendered YAML netreach cannot read${d.template ? ` from ${d.template}` : ""}`,
        detail: trimToolMessage(error?.message ?? "")
      };
    const get = (...p) => {
      const v = doc.getIn(p);
      return typeof v === "string" ? v : void 0;
    };
    parsed.push({ template: d.template, text: d.text, apiVersion: get("apiVersion") ?? "", kind: get("kind") ?? "", name: get("metadata", "name") ?? "", namespace: get("metadata", "namespace") });
  }
  const kindsByTemplate = /* @__PURE__ */ new Map();
  for (const p of parsed) if (p.template !== void 0) kindsByTemplate.set(p.template, [...kindsByTemplate.get(p.template) ?? [], p.kind]);
  const seen = /* @__PURE__ */ new Map();
  const templates = /* @__PURE__ */ new Map();
  const pieces = parsed.map((p) => {
    const shownChart = chartRel === "" ? "." : chartRel;
    if (p.template === void 0) {
      const { template: _t, ...rest2 } = p;
      return { ...rest2, group: `${shownChart}/Chart.yaml`, origin: { file: void 0 } };
    }
    const index = seen.get(p.template) ?? 0;
    seen.set(p.template, index + 1);
    const rel = templatePath(chartRel, p.template);
    if (!templates.has(rel)) templates.set(rel, readIfFile(root, rel));
    const source = templates.get(rel);
    const file = source !== void 0 ? rel : vendoredArchive(root, rel);
    const line = source === void 0 ? void 0 : templateKindLine(source, kindsByTemplate.get(p.template), index);
    const { template, ...rest } = p;
    const lines = source === void 0 ? void 0 : mapByTemplate(p.text, source, line);
    return { ...rest, group: rel, origin: { file, template, ...line !== void 0 ? { line } : {} }, ...lines !== void 0 ? { lines } : {} };
  });
  return { ok: true, tool, warnings, defaultNamespace: namespace, ...groupBySource(pieces) };
}
function readIfFile(root, rel) {
  const abs = path6.join(root, ...rel.split("/"));
  try {
    return fs5.lstatSync(abs).isFile() ? fs5.readFileSync(abs, "utf8") : void 0;
  } catch {
    return void 0;
  }
}
function vendoredArchive(root, rel) {
  const parts = rel.split("/");
  for (let i = 0; i + 1 < parts.length; i++) {
    if (parts[i] !== "charts") continue;
    const chartsDir = parts.slice(0, i + 1).join("/");
    const name2 = parts[i + 1];
    if (fs5.existsSync(path6.join(root, ...parts.slice(0, i + 2)))) continue;
    let entries;
    try {
      entries = fs5.readdirSync(path6.join(root, ...chartsDir.split("/")));
    } catch {
      return void 0;
    }
    const archive = entries.filter((e) => e.endsWith(".tgz") && (e === `${name2}.tgz` || e.startsWith(`${name2}-`) && /^\d/.test(e.slice(name2.length + 1)))).sort()[0];
    return archive === void 0 ? void 0 : `${chartsDir}/${archive}`;
  }
  return void 0;
}

// src/tools/kustomization-file.ts
var import_yaml10 = __toESM(require_dist(), 1);
import * as path7 from "node:path";
var KUSTOMIZATION_FILES = ["kustomization.yaml", "kustomization.yml", "Kustomization"];
function kustomizationFile(dir, tree) {
  for (const name2 of KUSTOMIZATION_FILES) {
    const file = join7(dir, name2);
    const text2 = tree.read(file);
    if (text2 !== void 0) return { file, text: text2 };
  }
  return void 0;
}
function kustomizeClosure(dir, tree) {
  const dirs2 = [];
  const patches = [];
  const visit = (d) => {
    if (dirs2.includes(d) || dirs2.length > 500) return;
    const k = kustomizationFile(d, tree);
    if (k === void 0) return;
    dirs2.push(d);
    const refs = kustomizationRefs(k.text);
    for (const p of refs.patches) patches.push({ ...p, file: join7(d, p.file) });
    for (const r of refs.resources) {
      const rel = join7(d, r);
      if (!rel.startsWith("../") && rel !== ".." && tree.isDir(rel)) visit(rel);
    }
  };
  visit(normalize3(dir));
  return { dirs: dirs2, patches };
}
function kustomizationRefs(text2) {
  let data;
  try {
    data = (0, import_yaml10.parse)(text2, { uniqueKeys: false, maxAliasCount: 100 });
  } catch {
    return { resources: [], patches: [] };
  }
  if (data === null || typeof data !== "object" || Array.isArray(data)) return { resources: [], patches: [] };
  const k = data;
  const strings = (v) => Array.isArray(v) ? v.filter((x) => typeof x === "string" && !x.includes("\n")) : [];
  const resources = [...strings(k.resources), ...strings(k.bases), ...strings(k.components), ...strings(k.transformers), ...strings(k.generators), ...strings(k.validators)].filter(
    (r) => !/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(r)
  );
  const patches = [];
  for (const field of ["patches", "patchesStrategicMerge", "patchesJson6902"]) {
    const list6 = k[field];
    if (!Array.isArray(list6)) continue;
    for (const item of list6) {
      if (typeof item === "string" && !item.includes("\n")) patches.push({ file: item });
      else if (item !== null && typeof item === "object" && typeof item.path === "string") {
        const t = item.target;
        const target2 = t && typeof t === "object" ? { ...typeof t.kind === "string" ? { kind: t.kind } : {}, ...typeof t.name === "string" ? { name: t.name } : {} } : void 0;
        patches.push({ file: item.path, ...target2 ? { target: target2 } : {} });
      }
    }
  }
  return { resources, patches };
}
function join7(dir, rel) {
  return normalize3(path7.posix.join(dir === "" ? "." : dir, rel));
}
function normalize3(p) {
  const n = path7.posix.normalize(p);
  return n === "." || n === "./" ? "" : n.replace(/\/$/, "");
}

// src/tools/kustomize.ts
var import_yaml14 = __toESM(require_dist(), 1);
import * as fs8 from "node:fs";
import * as path11 from "node:path";

// src/tools/kustomize-origin.ts
var import_yaml11 = __toESM(require_dist(), 1);
import * as path8 from "node:path";
var ORIGIN_ANNOTATION = "config.kubernetes.io/origin";
function parseOrigin(value, buildRoot) {
  if (typeof value !== "string") return void 0;
  let data;
  try {
    data = (0, import_yaml11.parse)(value);
  } catch {
    return void 0;
  }
  if (data === null || typeof data !== "object") return void 0;
  const o = data;
  const by = o.configuredBy;
  const generatedBy = typeof by?.kind === "string" ? by.kind : void 0;
  const written = typeof o.path === "string" ? o.path : typeof o.configuredIn === "string" ? o.configuredIn : void 0;
  if (written === void 0) return void 0;
  if (typeof o.repo === "string" && o.repo !== "")
    return { file: void 0, outside: `${o.repo}${typeof o.ref === "string" ? `?ref=${o.ref}` : ""} ${written}`, ...generatedBy ? { generatedBy } : {} };
  const rel = typeof buildRoot === "string" ? path8.posix.normalize(path8.posix.join(buildRoot, written)) : path8.posix.isAbsolute(written) ? void 0 : buildRoot(written);
  const outside = rel === void 0 || path8.posix.isAbsolute(written) || rel === ".." || rel.startsWith("../");
  return outside ? { file: void 0, outside: written, ...generatedBy ? { generatedBy } : {} } : { file: rel, ...generatedBy ? { generatedBy } : {} };
}

// src/tools/kustomize-refs.ts
var import_yaml13 = __toESM(require_dist(), 1);
import * as fs7 from "node:fs";
import * as path10 from "node:path";

// src/tools/kustomize-plugin-refs.ts
var import_yaml12 = __toESM(require_dist(), 1);
import * as fs6 from "node:fs";
import * as path9 from "node:path";
var list3 = (v) => Array.isArray(v) ? v : [];
var PLUGIN_FIELDS = ["transformers", "generators", "validators"];
var LOADED_KEYS = /* @__PURE__ */ new Set(["path", "paths", "files", "envs", "env"]);
function loadedPaths(config) {
  const out = [];
  const walk2 = (v, depth) => {
    if (depth > 20) return;
    if (Array.isArray(v)) for (const x of v) walk2(x, depth + 1);
    else if (v !== null && typeof v === "object")
      for (const [k, x] of Object.entries(v)) {
        if (LOADED_KEYS.has(k)) {
          for (const s of typeof x === "string" ? [x] : list3(x)) if (typeof s === "string") out.push(k === "files" ? s.replace(/^[^=/]*=/, "") : s);
        }
        walk2(x, depth + 1);
      }
  };
  walk2(config, 0);
  return out;
}
function pluginConfigs(root, rel) {
  const out = [];
  const files = [];
  const at3 = entryAt(root, rel);
  if (at3 === "file") files.push(rel);
  else if (at3 === "directory") {
    const walk2 = (d) => {
      if (files.length > 1e3) return;
      let entries;
      try {
        entries = fs6.readdirSync(path9.join(root, ...d.split("/")), { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) {
        const r = `${d}/${e.name}`;
        if (e.isDirectory()) walk2(r);
        else if (e.isFile() && /\.(ya?ml|json)$/.test(e.name)) files.push(r);
      }
    };
    walk2(rel);
  }
  for (const f of files) {
    try {
      out.push(...yamlDocs(fs6.readFileSync(path9.join(root, ...f.split("/")), "utf8")));
    } catch {
    }
  }
  return out;
}
function yamlDocs(text2) {
  const out = [];
  const docs = (0, import_yaml12.parseAllDocuments)(text2, { merge: true });
  for (const d of Array.isArray(docs) ? docs : []) {
    try {
      out.push(d.toJS({ maxAliasCount: 100 }));
    } catch {
    }
  }
  return out;
}

// src/tools/kustomize-refs.ts
var LIST_FIELDS = ["resources", "bases", "components", "crds", "configurations", "transformers", "generators", "validators", "patchesStrategicMerge"];
var PATH_OBJECT_FIELDS = ["patches", "patchesJson6902", "replacements"];
var GENERATORS = ["configMapGenerator", "secretGenerator"];
var MAX_KUSTOMIZATIONS = 500;
function looksRemote(entry2) {
  const e = entry2.trim();
  return /^[a-z][a-z0-9+.-]*:/i.test(e) || /^[^/]*@/.test(e) || e.includes("//") || e.includes("?") || e.includes("\\") || /^\[/.test(e);
}
function hostLike(entry2) {
  const first = entry2.split("/")[0];
  if (first === "." || first === ".." || first === "" || !entry2.includes("/")) return false;
  return first.includes(".") || first.includes(":") || /^localhost$/i.test(first);
}
function checkKustomizationRefs(root, dir) {
  const seen = /* @__PURE__ */ new Set();
  const queue = [normalize4(dir)];
  while (queue.length > 0) {
    const d = queue.shift();
    if (seen.has(d)) continue;
    seen.add(d);
    if (seen.size > MAX_KUSTOMIZATIONS)
      return { file: d || ".", line: 1, entry: d, kind: "outside-tree", text: "", message: `${d || "."}: more than ${MAX_KUSTOMIZATIONS} kustomizations in one build; not built` };
    const k = kustomizationAt(root, d);
    if (k === void 0) continue;
    if ("link" in k) return { file: k.link, line: 1, entry: k.link, kind: "outside-tree", text: "", message: `${k.link}: a symbolic link, which netreach never follows` };
    const problem = checkOne(root, d, k.file, k.text, (sub) => queue.push(sub));
    if (problem !== void 0) return problem;
  }
  return void 0;
}
function kustomizationAt(root, dir) {
  for (const name2 of KUSTOMIZATION_FILES) {
    const rel = dir === "" ? name2 : `${dir}/${name2}`;
    const at3 = entryAt(root, rel);
    if (at3 === "link") return { link: rel };
    if (at3 !== "file") continue;
    try {
      return { file: rel, text: fs7.readFileSync(path10.join(root, ...rel.split("/")), "utf8") };
    } catch {
      return void 0;
    }
  }
  return void 0;
}
function checkOne(root, dir, file, text2, include) {
  const docs = (0, import_yaml13.parseAllDocuments)(text2, { merge: true, uniqueKeys: true });
  const unreadable = (why) => ({ file, line: 1, entry: "", kind: "outside-tree", text: "", message: `${file}:1: ${why}; netreach checks every kustomization before building it` });
  if (!Array.isArray(docs)) return unreadable("holds more than one YAML stream");
  const real = docs.filter((d) => d.contents !== null);
  if (real.length > 1) return unreadable("holds more than one YAML document");
  if (real.length === 0) return void 0;
  const doc = real[0];
  if (doc.errors.length > 0) return unreadable(`is not YAML netreach can read (${doc.errors[0].message.split("\n")[0]})`);
  let data;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return unreadable(`is not YAML netreach can read (${e instanceof Error ? e.message.split("\n")[0] : String(e)})`);
  }
  const top = obj(data);
  if (top === void 0) return void 0;
  const lines = text2.split("\n");
  const lineOf = (entry2, field) => {
    const i = lines.findIndex((l) => l.includes(entry2));
    const j = lines.findIndex((l) => l.startsWith(`${field}:`));
    return (i >= 0 ? i : j >= 0 ? j : 0) + 1;
  };
  const check = (field, value, dirOk, entryOf = (s) => s, lineAt) => {
    if (typeof value !== "string") return void 0;
    if (value.includes("\n")) return void 0;
    const entry2 = entryOf(value);
    const line = lineAt ?? lineOf(entry2, field.split(" ")[0]);
    const refuse = (kind, why) => ({
      file,
      line,
      entry: entry2,
      kind,
      text: (lines[line - 1] ?? "").trim(),
      message: `${file}:${line}: ${field} entry ${JSON.stringify(entry2)} ${why}`
    });
    const remote = "is a URL or remote base (nothing a pull request names is fetched: netreach builds offline). Vendor it into the repository";
    if (looksRemote(entry2)) return refuse("remote", remote);
    if (entry2.startsWith("/")) return refuse("outside-tree", "is an absolute path; entries must be relative paths inside the repository");
    const rel = normalize4(path10.posix.join(dir === "" ? "." : dir, entry2));
    if (rel === ".." || rel.startsWith("../")) return refuse("outside-tree", "leads outside the repository; netreach only builds from files of the revision");
    const at3 = entryAt(root, rel);
    if (at3 === "link") return refuse("outside-tree", "goes through a symbolic link, which netreach never follows");
    if (at3 === "other") return refuse("outside-tree", "is not a regular file or directory");
    if (at3 === "missing") return hostLike(entry2) ? refuse("remote", remote) : void 0;
    if (at3 === "directory") {
      if (!dirOk) return refuse("outside-tree", "is a directory; a file is expected here");
      include(rel);
    }
    return void 0;
  };
  for (const field of LIST_FIELDS) {
    const dirOk = ["resources", "bases", "components", "transformers", "generators", "validators"].includes(field);
    for (const item of list4(top[field])) {
      const p = check(field, item, dirOk);
      if (p !== void 0) return p;
    }
  }
  for (const field of PLUGIN_FIELDS) {
    for (const item of list4(top[field])) {
      const configs = [];
      let label = `${field} configuration`;
      let at3;
      if (typeof item !== "string") configs.push(item);
      else if (item.includes("\n")) configs.push(...yamlDocs(item));
      else if (!looksRemote(item)) {
        const rel = normalize4(path10.posix.join(dir === "" ? "." : dir, item));
        if (!rel.startsWith("../") && rel !== "..") configs.push(...pluginConfigs(root, rel));
        label = `${field} entry ${JSON.stringify(item)}: its configuration's`;
        at3 = lineOf(item, field);
      }
      for (const value of configs.flatMap(loadedPaths)) {
        const p = check(label, value, false, void 0, at3);
        if (p !== void 0) return p;
      }
    }
  }
  for (const field of PATH_OBJECT_FIELDS) {
    for (const item of list4(top[field])) {
      const p = check(`${field} path`, obj(item)?.path, false);
      if (p !== void 0) return p;
    }
  }
  for (const field of GENERATORS) {
    for (const gen of list4(top[field]).map(obj)) {
      for (const item of list4(gen?.files)) {
        const p2 = check(`${field} files`, item, false, (s) => s.replace(/^[^=/]*=/, ""));
        if (p2 !== void 0) return p2;
      }
      for (const item of list4(gen?.envs)) {
        const p2 = check(`${field} envs`, item, false);
        if (p2 !== void 0) return p2;
      }
      const p = check(`${field} env`, gen?.env, false);
      if (p !== void 0) return p;
    }
  }
  return check("openapi path", obj(top.openapi)?.path, false);
}
var obj = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
var list4 = (v) => Array.isArray(v) ? v : [];
function normalize4(p) {
  const n = path10.posix.normalize(p);
  return n === "." || n === "./" ? "" : n.replace(/\/$/, "");
}

// src/tools/kustomize.ts
var SAFETY_FLAGS = ["--load-restrictor=LoadRestrictionsRootOnly", "--enable-helm=false", "--enable-alpha-plugins=false"];
function kustomizeBuild(root, target2, options = {}) {
  return neverRejects("kustomize", () => build(root, target2, options));
}
async function build(root, target2, options) {
  const opts = resolvedOptions(options);
  const kustomize = findOnPath("kustomize", opts.searchPath);
  const kubectl = kustomize === void 0 ? findOnPath("kubectl", opts.searchPath) : void 0;
  const tool = kustomize !== void 0 ? "kustomize build" : "kubectl kustomize";
  const fail = (failure, error, detail = "") => ({ ok: false, tool, failure, error, detail });
  if (kustomize === void 0 && kubectl === void 0) return fail("missing-tool", missingToolMessage(["kustomize", "kubectl"]));
  const dir = resolveInTree(root, target2, "directory");
  if ("problem" in dir) return fail("invalid-target", `kustomize target: ${dir.problem}`);
  const shown = dir.rel || ".";
  if (!KUSTOMIZATION_FILES.some((f) => fs8.existsSync(path11.join(dir.abs, f))))
    return fail("invalid-target", `kustomize target ${shown} has no kustomization.yaml`);
  const refused = checkKustomizationRefs(root, dir.rel);
  if (refused !== void 0) return fail(refused.kind, `${shown} was not built: ${refused.message}`, refused.text);
  const home = makeToolHome(opts.searchPath);
  try {
    const wrapper = path11.join(home.dir, "build");
    fs8.mkdirSync(wrapper);
    const resource = path11.relative(wrapper, dir.abs).split(path11.sep).join("/");
    fs8.writeFileSync(
      path11.join(wrapper, "kustomization.yaml"),
      `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- ${JSON.stringify(resource)}
buildMetadata:
- originAnnotations
`
    );
    const [file, args] = kustomize !== void 0 ? [kustomize, ["build", wrapper, ...SAFETY_FLAGS]] : [kubectl, ["kustomize", wrapper, ...SAFETY_FLAGS]];
    const r = await runTool(file, args, { cwd: home.dir, env: home.env, timeoutMs: opts.timeoutMs, maxOutputBytes: opts.maxOutputBytes });
    const failed2 = runFailure(tool, `building ${shown}`, r, opts.timeoutMs, (stderr) => classify2(stderr, shown));
    if (failed2 !== void 0) return failed2;
    if (r.kind !== "exited") throw new Error("unreachable");
    const locate = (written) => {
      const rel = path11.relative(root, path11.resolve(wrapper, written));
      return rel === "" || rel === ".." || rel.startsWith(`..${path11.sep}`) || path11.isAbsolute(rel) ? void 0 : rel.split(path11.sep).join("/");
    };
    return readOutput2(root, locate, shown, tool, r.stdout.toString("utf8"), trimToolMessage(r.stderr));
  } finally {
    home.cleanup();
  }
}
function classify2(stderr, shown) {
  if (/transport '[^']*' not allowed|proxyconnect tcp|no 'git' program|accumulating resources from '(https?:\/\/|git@|ssh:\/\/|github\.com\/)/.test(stderr))
    return {
      failure: "remote",
      error: `${shown} refers to a remote base or resource (a URL or git repository), and netreach builds offline: nothing is fetched while reviewing a pull request. Vendor the remote base into the repository, or analyze the rendered manifests instead.`
    };
  if (/--enable-helm|helmCharts/i.test(stderr))
    return { failure: "failed", error: `${shown} inflates Helm charts inside kustomize (helmCharts), which netreach does not run; make the chart its own helm target instead` };
  if (/external plugins disabled/.test(stderr))
    return { failure: "failed", error: `${shown} needs kustomize plugins or KRM functions, which netreach never runs` };
  return void 0;
}
function readOutput2(root, locate, shown, tool, stdout, warnings) {
  const pieces = [];
  const sources = /* @__PURE__ */ new Map();
  const sourceText = (file) => {
    if (!sources.has(file)) {
      let text2;
      try {
        text2 = fs8.readFileSync(path11.join(root, ...file.split("/")), "utf8");
      } catch {
        text2 = void 0;
      }
      sources.set(file, text2);
    }
    return sources.get(file);
  };
  const fallback = shown === "." ? "kustomization.yaml" : `${shown}/kustomization.yaml`;
  const yamlSources = /* @__PURE__ */ new Map();
  const yamlSource = (file) => {
    if (!yamlSources.has(file)) {
      const t = sourceText(file);
      yamlSources.set(file, t === void 0 ? void 0 : readYamlSource(t));
    }
    return yamlSources.get(file);
  };
  const tree = {
    read: (f) => resolveInTree(root, f, "file").abs !== void 0 ? sourceText(f) : void 0,
    isDir: (d) => "abs" in resolveInTree(root, d, "directory")
  };
  const patches = kustomizeClosure(shown === "." ? "" : shown, tree).patches;
  const writtenAt = (file, line, kind, rendered) => {
    const resource = yamlSource(file)?.docs.find((d) => d.line === line);
    if (resource === void 0) return void 0;
    const meta = resource.value?.metadata;
    const originalName = typeof meta?.name === "string" ? meta.name : void 0;
    for (const p of patches) {
      const source = yamlSource(p.file);
      if (source === void 0 || originalName === void 0) continue;
      if (p.target !== void 0 && !((p.target.kind === void 0 || p.target.kind === kind) && (p.target.name === void 0 || nameMatches(p.target.name, originalName))))
        continue;
      const doc = source.docs.find((d) => {
        if (Array.isArray(d.value)) return p.target !== void 0;
        const v = d.value;
        return v?.kind === kind && (p.target !== void 0 || v?.metadata?.name === originalName);
      });
      if (doc === void 0) continue;
      const lines = Array.isArray(doc.value) ? jsonPatchLines(doc) : doc.lines;
      return { group: p.file, patch: { file: p.file, line: doc.line }, lines: mapByPath(rendered, lines, doc.line) };
    }
    return { group: file, patch: void 0, lines: mapByPath(rendered, resource.lines, line) };
  };
  for (const doc of (0, import_yaml14.parseAllDocuments)(stdout, { uniqueKeys: false })) {
    if (doc.errors.length > 0)
      return { ok: false, tool, failure: "unreadable-output", error: `${tool} printed YAML netreach cannot read`, detail: trimToolMessage(doc.errors[0].message) };
    if (doc.contents === null) continue;
    const get = (...p) => {
      const v = doc.getIn(p);
      return typeof v === "string" ? v : void 0;
    };
    const kind = get("kind") ?? "";
    const name2 = get("metadata", "name") ?? "";
    const origin = parseOrigin(doc.getIn(["metadata", "annotations", ORIGIN_ANNOTATION]), locate);
    if (origin?.outside !== void 0)
      return {
        ok: false,
        tool,
        failure: origin.outside.includes("://") ? "remote" : "outside-tree",
        error: `${shown} includes ${kind} ${name2} from outside the repository; netreach only builds from files of the revision`,
        detail: trimToolMessage(origin.outside)
      };
    doc.deleteIn(["metadata", "annotations", ORIGIN_ANNOTATION]);
    const annotations = doc.getIn(["metadata", "annotations"]);
    if (annotations?.items?.length === 0) doc.deleteIn(["metadata", "annotations"]);
    const file = origin?.file;
    const text2 = file === void 0 || origin?.generatedBy !== void 0 ? void 0 : sourceText(file);
    const line = text2 === void 0 ? void 0 : objectLine(text2, kind, name2);
    const rendered = doc.toString({ lineWidth: 0 }).replace(/^---\n/, "");
    const written = file === void 0 || line === void 0 ? void 0 : writtenAt(file, line, kind, rendered);
    pieces.push({
      group: written?.group ?? file ?? fallback,
      text: rendered,
      ...written !== void 0 ? { lines: written.lines } : {},
      apiVersion: get("apiVersion") ?? "",
      kind,
      name: name2,
      namespace: get("metadata", "namespace"),
      origin: {
        file,
        ...line !== void 0 ? { line } : {},
        ...origin?.generatedBy !== void 0 ? { generatedBy: origin.generatedBy } : {},
        ...written?.patch !== void 0 ? { patch: written.patch } : {}
      }
    });
  }
  return { ok: true, tool, warnings, ...groupBySource(pieces) };
}
function nameMatches(pattern, name2) {
  if (pattern === name2) return true;
  if (!/^[-a-z0-9.*]+$/.test(pattern) || (pattern.match(/\*/g) ?? []).length > 3 || /\*\*|^\*/.test(pattern)) return false;
  return new RegExp(`^(?:${pattern})$`).test(name2);
}

// src/targets/target.ts
function describeSource(s) {
  switch (s.kind) {
    case "paths":
      return `paths ${s.paths.length === 0 ? "." : s.paths.join(", ")}`;
    case "kustomize":
      return `kustomize ${s.dir || "."}`;
    case "helm": {
      const vals = [...s.values.map((v) => v.split("/").pop()), ...s.inlineValues !== void 0 ? ["inline values"] : []];
      return `helm ${s.chart || "."}${vals.length > 0 ? ` (${vals.join(", ")})` : ""}`;
    }
  }
}
function sourceAt(t, side2) {
  return side2 === "base" && t.baseSource !== void 0 ? t.baseSource : t.source;
}
function sameSource(a, b) {
  if (a.kind === "kustomize" && b.kind === "kustomize") return a.dir === b.dir;
  if (a.kind === "helm" && b.kind === "helm")
    return a.chart === b.chart && a.inlineValues === b.inlineValues && a.values.join("\n") === b.values.join("\n");
  if (a.kind === "paths" && b.kind === "paths") return a.paths.join("\n") === b.paths.join("\n");
  return false;
}

// src/targets/bounds.ts
var DEFAULT_MAX_TARGETS = 200;
var reasons = /* @__PURE__ */ new WeakMap();
function capTargets(targets2, max) {
  return { kept: targets2.slice(0, max), over: targets2.slice(max) };
}
var NOT_RUN = { files: [], diagnostics: [], ms: 0 };
function pastCap(target2, max, total) {
  return notAnalyzed(target2, "cap", `the run has ${total} targets, over the cap of ${max} (--max-targets, input max-targets); raise it, or choose targets with --target / input targets`);
}
function pastDeadline(target2, deadline, sides = {}) {
  return notAnalyzed(target2, "deadline", `${deadline.describe()} passed before it was done`, sides);
}
function notAnalyzed(target2, reason, why, sides = {}) {
  const where = target2.definedIn ?? { file: sourcePath(target2), line: 1 };
  const d = {
    target: target2,
    base: sides.base ?? NOT_RUN,
    head: sides.head ?? NOT_RUN,
    failure: diagnostic("error", where.file, { line: where.line, column: 1 }, `target ${target2.name} (${describeSource(target2.source)}) was not analyzed: ${why}`)
  };
  reasons.set(d, reason);
  return d;
}
function skipReason(d) {
  return reasons.get(d);
}
function skippedSummary(diffs, maxNames = 20) {
  const by = { cap: [], deadline: [] };
  for (const d of diffs) {
    const r = skipReason(d);
    if (r !== void 0) by[r].push(d.target.name);
  }
  const total = by.cap.length + by.deadline.length;
  if (total === 0) return void 0;
  const names = (list6) => `${list6.slice(0, maxNames).join(", ")}${list6.length > maxNames ? `, \u2026 (and ${list6.length - maxNames} more)` : ""}`;
  const parts = [
    ...by.cap.length > 0 ? [`past the target cap (--max-targets, input max-targets): ${names(by.cap)}`] : [],
    ...by.deadline.length > 0 ? [`not done by the deadline (--deadline, input deadline): ${names(by.deadline)}`] : []
  ];
  return `${total} target(s) not analyzed, ${parts.join("; ")}`;
}
function sourcePath(t) {
  return t.source.kind === "kustomize" ? t.source.dir || "." : t.source.kind === "helm" ? t.source.chart || "." : t.source.paths[0] ?? ".";
}
var BOUND_OPTIONS = {
  maxTargets: { flag: "--max-targets", input: "max-targets" },
  deadline: { flag: "--deadline", input: "deadline" }
};
function parseBound(which, text2) {
  const m = which === "deadline" ? /^\s*(\d+)\s*([smh]?)\s*$/i.exec(text2) : /^\s*(\d+)\s*$/.exec(text2);
  const unit = m?.[2]?.toLowerCase() ?? "";
  const value = m ? Number(m[1]) * (unit === "h" ? 3600 : unit === "m" ? 60 : 1) : NaN;
  if (!m || !Number.isSafeInteger(value) || value < 1) {
    const o = BOUND_OPTIONS[which];
    const what = which === "deadline" ? "a positive whole number of seconds (or minutes with m, hours with h: 20m, 1h)" : "a positive whole number";
    return { ok: false, error: `${o.flag} (input ${o.input}) must be ${what}, not "${text2}"` };
  }
  return { ok: true, value };
}

// src/targets/deadline.ts
var DEFAULT_DEADLINE_SECONDS = 20 * 60;
var Deadline = class _Deadline {
  constructor(at3, seconds) {
    this.at = at3;
    this.seconds = seconds;
  }
  at;
  seconds;
  /** `seconds` from now. */
  static after(seconds, now = Date.now()) {
    return new _Deadline(now + seconds * 1e3, seconds);
  }
  remainingMs(now = Date.now()) {
    return Math.max(0, this.at - now);
  }
  passed(now = Date.now()) {
    return now >= this.at;
  }
  /** "the run's 1200 s deadline (--deadline, input deadline)". */
  describe() {
    return `the run's ${this.seconds} s deadline (--deadline, input deadline)`;
  }
};
function timeLeftFor(timeoutMs, deadline) {
  return deadline === void 0 ? timeoutMs : Math.min(timeoutMs, Math.max(1, deadline.remainingMs()));
}

// src/targets/unread-files.ts
var MANIFEST = /\.(ya?ml|json)$/i;
var API_VERSION = /(^|[\n{,])[ \t]*"?apiVersion"?[ \t]*:/;
var KIND = /(^|[\n{,])[ \t]*"?kind"?[ \t]*:/;
var VALUES = /(^|\/)values[^/]*\.ya?ml$/i;
var under = (file, dir) => dir === "" || file === dir || file.startsWith(`${dir}/`);
var hidden = (file) => file.split("/").slice(0, -1).some((d) => d.startsWith(".") || d === "node_modules");
var name = (file) => file.split("/").pop() ?? file;
function couldFeedACluster(file, texts) {
  if (!MANIFEST.test(file) && !KUSTOMIZATION_FILES.includes(name(file))) return false;
  if (hidden(file) || file === CONFIG_FILE) return false;
  if (VALUES.test(file) || KUSTOMIZATION_FILES.includes(name(file)) || name(file) === "Chart.yaml") return true;
  return texts.some((t) => t !== void 0 && API_VERSION.test(t) && KIND.test(t));
}
function reader(source, tree) {
  switch (source.kind) {
    case "paths":
      return (file) => MANIFEST.test(file) && !hidden(file) && (source.paths.length === 0 || source.paths.some((p) => under(file, p))) && !(source.exclude ?? []).some((d) => under(file, d));
    case "kustomize": {
      const dirs2 = kustomizeClosure(source.dir, tree).dirs;
      return (file) => dirs2.some((d) => under(file, d));
    }
    case "helm":
      return (file) => under(file, source.chart) || source.values.includes(file);
  }
}
var changedMemo = /* @__PURE__ */ new WeakMap();
function changedFiles(base2, head) {
  const known = changedMemo.get(base2)?.get(head);
  if (known !== void 0) return known;
  const out = /* @__PURE__ */ new Set();
  const inBase = new Set(base2.files);
  for (const f of head.files) if (!inBase.has(f) || base2.id(f) !== head.id(f)) out.add(f);
  const inHead = new Set(head.files);
  for (const f of base2.files) if (!inHead.has(f)) out.add(f);
  const sorted2 = [...out].sort();
  if (!changedMemo.has(base2)) changedMemo.set(base2, /* @__PURE__ */ new WeakMap());
  changedMemo.get(base2).set(head, sorted2);
  return sorted2;
}
function unreadFiles(targets2, trees) {
  const candidates = changedFiles(trees.base, trees.head).filter((f) => couldFeedACluster(f, [trees.base.read(f), trees.head.read(f)]));
  if (candidates.length === 0) return [];
  const readers = targets2.flatMap((t) => [reader(sourceAt(t, "base"), trees.base), reader(t.source, trees.head)]);
  return candidates.filter((f) => !readers.some((reads) => reads(f)));
}

// src/targets/input-changes.ts
var MAX_FILE_CHARS = 64 * 1024;
var MAX_FILES = 20;
function inputChangesOf(target2, trees, changed2 = changedFiles(trees.base, trees.head)) {
  if (target2.source.kind === "paths") return [];
  const base2 = sourceAt(target2, "base");
  const readsBase = reader(base2, trees.base);
  const readsHead = reader(target2.source, trees.head);
  const files = changed2.filter((f) => !/\.(md|markdown|txt|rst)$/i.test(f) && (readsBase(f) || readsHead(f))).slice(0, MAX_FILES);
  return files.map((f) => {
    const b = trees.base.read(f);
    const h = trees.head.read(f);
    const status = b === void 0 ? "added" : h === void 0 ? "removed" : "modified";
    return { file: f, status, patch: filePatch(f, b, h) };
  });
}
function filePatch(file, b, h) {
  const shown = (t) => t === void 0 || t.length <= MAX_FILE_CHARS && !t.includes("\0");
  if (!shown(b) || !shown(h)) return `(${file}: binary or larger than ${MAX_FILE_CHARS / 1024} KiB, not shown)
`;
  const p = structuredPatch(b === void 0 ? "/dev/null" : `a/${file}`, h === void 0 ? "/dev/null" : `b/${file}`, b ?? "", h ?? "", "", "", { context: 3 });
  const out = [`--- ${p.oldFileName}`, `+++ ${p.newFileName}`];
  for (const hunk of p.hunks) out.push(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, ...hunk.lines);
  return `${out.join("\n")}
`;
}

// src/targets/diff-targets.ts
async function diffTargets(targets2, trees, options) {
  const jobs = [];
  const sides = targets2.map(() => ({ base: void 0, head: void 0 }));
  targets2.forEach((t, i) => {
    const same = t.baseSource === void 0 && t.source.kind !== "paths" && fingerprint2(t, trees.base) === fingerprint2(t, trees.head);
    if (same) {
      jobs.push(async () => {
        const b = await buildInTime(t, trees.base, options);
        sides[i].base = b;
        sides[i].head = { ...b, reused: true, ms: 0 };
      });
    } else {
      jobs.push(async () => void (sides[i].base = await buildInTime({ ...t, source: sourceAt(t, "base") }, trees.base, options)));
      jobs.push(async () => void (sides[i].head = await buildInTime(t, trees.head, options)));
    }
  });
  await pool(jobs, options.concurrency ?? Math.max(1, os2.availableParallelism?.() ?? os2.cpus().length));
  const changed2 = targets2.some((t) => t.source.kind !== "paths") ? changedFiles(trees.base, trees.head) : [];
  return targets2.map((target2, i) => {
    const base2 = sides[i].base;
    const head = sides[i].head;
    if (options.deadline?.passed()) return pastDeadline(target2, options.deadline, { base: base2, head });
    const failed2 = head.error !== void 0 ? { side: "head", tree: trees.head, b: head } : base2.error !== void 0 ? { side: "base", tree: trees.base, b: base2 } : void 0;
    if (failed2 !== void 0) {
      const where = target2.definedIn ?? { file: sourcePath2(target2), line: 1 };
      const msg = `target ${target2.name} (${describeSource(target2.source)}) could not be built at ${failed2.side} (${failed2.tree.label}): ${failed2.b.error.message}${failed2.b.error.detail ? `
${failed2.b.error.detail}` : ""}`;
      return { target: target2, base: base2, head, failure: diagnostic("error", where.file, { line: where.line, column: 1 }, msg) };
    }
    const helm = target2.source.kind === "helm";
    const namespace = target2.namespace ?? options.namespace;
    const report = diff(base2.files, head.files, {
      pods: target2.pods ?? options.pods,
      hostNetwork: options.hostNetwork,
      ...options.ingressController !== void 0 ? { ingressController: options.ingressController } : {},
      ...options.dnsServer !== void 0 ? { dnsServer: options.dnsServer } : {},
      ...helm ? { defaultNamespace: namespace ?? "default" } : namespace !== void 0 ? { namespace } : {},
      gate: { ...options.gate, failOn: failOnOf(target2, options.gate.failOn) },
      ...options.limits !== void 0 ? { limits: options.limits } : {},
      inputChanges: inputChangesOf(target2, trees, changed2)
    });
    return { target: target2, base: base2, head, report: { ...report, diagnostics: [...head.diagnostics, ...report.diagnostics] } };
  });
}
function failOnOf(t, run) {
  if (!t.fromHead) return t.failOn ?? run;
  const all = [.../* @__PURE__ */ new Set([...run, ...t.failOn ?? []])];
  return all.length > 1 ? all.filter((r) => r !== "none") : all;
}
function sourcePath2(t) {
  return t.source.kind === "kustomize" ? t.source.dir || "." : t.source.kind === "helm" ? t.source.chart || "." : t.source.paths[0] ?? ".";
}
function fingerprint2(t, tree) {
  const dirs2 = t.source.kind === "kustomize" ? kustomizeClosure(t.source.dir, tree).dirs : t.source.kind === "helm" ? [t.source.chart] : [];
  const extra = t.source.kind === "helm" ? t.source.values : [];
  const files = tree.files.filter((f) => dirs2.some((d) => d === "" || f.startsWith(`${d}/`)) || extra.includes(f)).sort();
  return files.map((f) => `${f}\0${tree.id(f) ?? ""}`).join("\n");
}
function buildInTime(t, tree, options) {
  const d = options.deadline;
  if (d === void 0) return buildSide(t, tree, options);
  if (d.passed()) return Promise.resolve({ files: [], diagnostics: [], ms: 0 });
  return buildSide(t, tree, { ...options, build: { ...options.build, timeoutMs: timeLeftFor(options.build?.timeoutMs ?? DEFAULT_TIMEOUT_MS, d) } });
}
async function buildSide(t, tree, options) {
  const started = Date.now();
  const done = (b) => ({ ...b, ms: Date.now() - started });
  const s = t.source;
  if (t.invalid !== void 0) return done({ files: [], diagnostics: [], error: { message: t.invalid, detail: "" } });
  if (s.kind === "paths") {
    const r2 = tree.manifests(s.paths, s.exclude ?? []);
    return done({ files: r2.files, diagnostics: r2.diagnostics });
  }
  if (s.kind === "kustomize" && kustomizationFile(s.dir, tree) === void 0) return done({ files: [], diagnostics: [], absent: true });
  if (s.kind === "helm" && tree.read(s.chart === "" ? "Chart.yaml" : `${s.chart}/Chart.yaml`) === void 0) return done({ files: [], diagnostics: [], absent: true });
  if (s.kind === "helm") {
    const missing = s.values.filter((v) => !tree.files.includes(v));
    if (missing.length > 0)
      return done({ files: [], diagnostics: [diagnostic("note", missing[0], { line: 1, column: 1 }, `values file ${missing.join(", ")} does not exist in ${tree.label}: target ${t.name} is taken as absent there`)], absent: true });
  }
  let root;
  try {
    root = tree.buildRoot().dir;
  } catch (e) {
    return done({ files: [], diagnostics: [], error: { message: `the revision could not be written out: ${e instanceof Error ? e.message : String(e)}`, detail: "" } });
  }
  const r = s.kind === "kustomize" ? await kustomizeBuild(root, s.dir, options.build) : await helmTemplate(root, { chart: s.chart, release: s.release, namespace: t.namespace ?? options.namespace ?? "default", values: s.values, ...s.inlineValues !== void 0 ? { inlineValues: s.inlineValues } : {} }, options.build);
  const inRepo = (text2) => text2.split(`${root}/`).join("").split(root).join(".");
  if (!r.ok) return done({ files: [], diagnostics: [], tool: r.tool, error: { message: inRepo(`${r.tool}: ${r.error}`), detail: inRepo(r.detail) } });
  return done({ files: r.files, diagnostics: [], tool: r.tool });
}
async function pool(jobs, n) {
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) await jobs[next++]();
  };
  await Promise.all(Array.from({ length: Math.min(n, jobs.length) }, worker));
}

// src/targets/repo-tree.ts
import { createHash } from "node:crypto";
import * as fs11 from "node:fs";
import * as os4 from "node:os";
import * as path15 from "node:path";

// src/files/read-sources.ts
import * as fs9 from "node:fs";
import * as path12 from "node:path";

// src/files/usage-error.ts
var UsageError = class extends Error {
  name = "UsageError";
};

// src/read-limits.ts
var MiB2 = 1024 * 1024;
var defaultReadLimits = { maxFileBytes: 16 * MiB2, maxFiles: 2e4, maxTotalBytes: defaultInputLimits.bytes };

// src/files/read-sources.ts
var MiB3 = 1024 * 1024;
var manifestExtensions = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
function readSources(paths, limits = {}, where = "", within) {
  const lim = { ...defaultReadLimits, ...limits };
  let total = 0;
  const cwd = process.cwd();
  const out = { files: [], diagnostics: [], skippedFiles: 0 };
  const seen = /* @__PURE__ */ new Set();
  let full = false;
  const note2 = (severity, file, message) => out.diagnostics.push(diagnostic(severity, file, { line: 1, column: 1 }, message));
  const readFile2 = (abs, shown, size) => {
    if (seen.has(abs)) return;
    seen.add(abs);
    if (out.files.length >= lim.maxFiles) {
      note2("error", shown, `more than ${lim.maxFiles} files to read; this file and the rest are skipped`);
      full = true;
      return;
    }
    if (size > lim.maxFileBytes) {
      out.skippedFiles++;
      note2("error", shown, `file is ${formatSize(size, 1)}, over the ${formatSize(lim.maxFileBytes)} limit; skipped`);
      return;
    }
    total += size;
    if (total > lim.maxTotalBytes) throw new LimitError("bytes", total, lim.maxTotalBytes, where, true);
    const text2 = readText(abs);
    if (typeof text2 === "string") out.files.push({ path: shown, text: text2 });
    else {
      out.skippedFiles++;
      note2("error", shown, `${text2.problem}; skipped`);
    }
  };
  const walk2 = (dir) => {
    let entries;
    try {
      entries = fs9.readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      note2("error", display(dir, cwd), `cannot read directory (${errorCode(e)}); skipped`);
      return;
    }
    entries.sort((a, b) => compareNames(a.name, b.name));
    for (const entry2 of entries) {
      if (full) return;
      const abs = path12.join(dir, entry2.name);
      if (entry2.isSymbolicLink()) {
        out.skippedFiles++;
        note2("note", display(abs, cwd), "symbolic link not followed; skipped");
      } else if (entry2.isDirectory()) {
        if (!entry2.name.startsWith(".") && entry2.name !== "node_modules") walk2(abs);
      } else if (entry2.isFile() && manifestExtensions.has(path12.extname(entry2.name))) {
        const size = statSize(abs);
        if (size === void 0) {
          out.skippedFiles++;
          note2("error", display(abs, cwd), "cannot stat file; skipped");
        } else readFile2(abs, display(abs, cwd), size);
      } else out.skippedFiles++;
    }
  };
  for (const p of paths) {
    if (full) break;
    let st;
    try {
      st = fs9.lstatSync(p);
    } catch (e) {
      const code = errorCode(e);
      if (code === "ENOENT" || code === "ENOTDIR") throw new UsageError(`path not found: ${p}`);
      throw new UsageError(`cannot read ${p} (${code})`);
    }
    const shown = toSlashes(p);
    if (st.isSymbolicLink() || within !== void 0 && linkBetween(path12.resolve(within), path12.resolve(p))) {
      out.skippedFiles++;
      note2("note", shown, "symbolic link not followed; skipped");
    } else if (st.isDirectory()) walk2(path12.resolve(p));
    else if (st.isFile()) readFile2(path12.resolve(p), shown, st.size);
    else {
      out.skippedFiles++;
      note2("note", shown, "not a regular file; skipped");
    }
  }
  return out;
}
function linkBetween(root, abs) {
  const rel = path12.relative(root, abs);
  if (rel === "" || rel.startsWith("..") || path12.isAbsolute(rel)) return false;
  let at3 = root;
  for (const part of rel.split(path12.sep).slice(0, -1)) {
    at3 = path12.join(at3, part);
    try {
      if (fs9.lstatSync(at3).isSymbolicLink()) return true;
    } catch {
      return false;
    }
  }
  return false;
}
function statSize(abs) {
  try {
    return fs9.lstatSync(abs).size;
  } catch {
    return void 0;
  }
}
function readText(abs) {
  let bytes;
  try {
    const fd = fs9.openSync(abs, fs9.constants.O_RDONLY | (fs9.constants.O_NOFOLLOW ?? 0));
    try {
      if (!fs9.fstatSync(fd).isFile()) return { problem: "not a regular file" };
      bytes = fs9.readFileSync(fd);
    } finally {
      fs9.closeSync(fd);
    }
  } catch (e) {
    return { problem: `cannot read file (${errorCode(e)})` };
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "file is not valid UTF-8 text" };
  }
}
function display(abs, cwd) {
  const rel = path12.relative(cwd, abs);
  const under4 = rel !== "" && rel.split(path12.sep)[0] !== ".." && !path12.isAbsolute(rel);
  return toSlashes(under4 ? rel : abs);
}
function toSlashes(p) {
  return p.split(path12.sep).join("/");
}
function errorCode(e) {
  return e?.code ?? String(e);
}
function formatSize(bytes, decimals) {
  const [value, unit] = bytes >= MiB3 ? [bytes / MiB3, "MiB"] : bytes >= 1024 ? [bytes / 1024, "KiB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} bytes`;
  return `${decimals === void 0 && Number.isInteger(value) ? value : value.toFixed(decimals ?? 1)} ${unit}`;
}

// src/git/run.ts
import { spawnSync } from "node:child_process";
var GitError = class extends Error {
  constructor(message, args, status, stderr) {
    super(message);
    this.args = args;
    this.status = status;
    this.stderr = stderr;
  }
  args;
  status;
  stderr;
  name = "GitError";
};
var MiB4 = 1024 * 1024;
var fixedOptions = ["--no-pager", "-c", "core.fsmonitor=false", "-c", "core.hooksPath=/dev/null"];
var repositoryVariables = [
  "GIT_ALTERNATE_OBJECT_DIRECTORIES",
  "GIT_COMMON_DIR",
  "GIT_DIR",
  "GIT_GRAFT_FILE",
  "GIT_IMPLICIT_WORK_TREE",
  "GIT_INDEX_FILE",
  "GIT_INTERNAL_SUPER_PREFIX",
  "GIT_NAMESPACE",
  "GIT_OBJECT_DIRECTORY",
  "GIT_PREFIX",
  "GIT_REPLACE_REF_BASE",
  "GIT_SHALLOW_FILE",
  "GIT_WORK_TREE"
];
function gitEnv(extra) {
  const env = { ...process.env };
  for (const name2 of repositoryVariables) delete env[name2];
  return {
    ...env,
    GIT_TERMINAL_PROMPT: "0",
    // fail instead of asking for credentials
    GCM_INTERACTIVE: "never",
    // Git Credential Manager: same
    GIT_PAGER: "cat",
    GIT_OPTIONAL_LOCKS: "0",
    GIT_NO_REPLACE_OBJECTS: "1",
    // read the objects themselves, not `git replace` substitutes
    ...extra
  };
}
function gitResult(repoDir, args, opts = {}) {
  const r = spawnSync("git", ["-C", repoDir, ...fixedOptions, ...args], {
    input: opts.input,
    env: gitEnv(opts.env),
    maxBuffer: opts.maxBuffer ?? 512 * MiB4,
    timeout: opts.timeoutMs,
    windowsHide: true,
    stdio: ["pipe", "pipe", "pipe"]
  });
  const stderr = r.stderr ? r.stderr.toString("utf8") : "";
  if (r.error) {
    const code = r.error.code;
    const why = code === "ENOENT" ? "git is not installed or not on PATH" : code === "ENOBUFS" ? `output larger than ${formatBytes2(opts.maxBuffer ?? 512 * MiB4)}` : code === "ETIMEDOUT" ? `no answer after ${Math.round((opts.timeoutMs ?? 0) / 1e3)} s` : r.error.message;
    throw new GitError(`${describe2(args)} failed: ${why}`, args, null, stderr);
  }
  if (r.status === null) throw new GitError(`${describe2(args)} was killed (${r.signal ?? "signal"})`, args, null, stderr);
  return { status: r.status, stdout: r.stdout, stderr };
}
function git(repoDir, args, opts = {}) {
  const r = gitResult(repoDir, args, opts);
  if (r.status !== 0) throw failed(args, r);
  return opts.encoding === "buffer" ? r.stdout : r.stdout.toString("utf8");
}
function failed(args, r) {
  const lines = r.stderr.split("\n").map((l) => l.trimEnd()).filter((l) => l !== "");
  const shown = lines.slice(0, 5).join("\n");
  const more = lines.length > 5 ? `
(${lines.length - 5} more lines)` : "";
  return new GitError(
    `${describe2(args)} failed with exit status ${r.status}${shown ? `:
${shown}${more}` : ""}`,
    args,
    r.status,
    r.stderr
  );
}
function describe2(args) {
  const shown = args.length > 12 ? [...args.slice(0, 12), `\u2026 (${args.length - 12} more)`] : args;
  return `\`git ${shown.map((a) => /^[\w@%+=:,./^~{}-]+$/.test(a) ? a : JSON.stringify(a)).join(" ")}\``;
}
function formatBytes2(n) {
  return n >= MiB4 ? `${Math.round(n / MiB4)} MiB` : `${n} bytes`;
}

// src/git/blobs.ts
var MAX_BATCH_BYTES = 256 * 1024 * 1024;
function readBlobs(repoDir, requests) {
  const contents = /* @__PURE__ */ new Map();
  const unique2 = [...new Map(requests.map((r) => [r.oid, r])).values()];
  let batch = [];
  let batchBytes = 0;
  const flush = () => {
    if (batch.length > 0) readBatch(repoDir, batch, batchBytes, contents);
    batch = [];
    batchBytes = 0;
  };
  for (const r of unique2) {
    const frame = frameBytes(r);
    if (batch.length > 0 && batchBytes + frame > MAX_BATCH_BYTES) flush();
    batch.push(r);
    batchBytes += frame;
  }
  flush();
  return contents;
}
function frameBytes(r) {
  return r.oid.length + " blob ".length + String(r.size).length + 1 + r.size + 1;
}
function readBatch(repoDir, batch, expectedBytes, into) {
  const out = git(repoDir, ["cat-file", "--batch", "--buffer"], {
    encoding: "buffer",
    input: batch.map((r) => `${r.oid}
`).join(""),
    // A "missing" line is shorter than a frame, so the exact total plus a margin always suffices.
    maxBuffer: expectedBytes + 64 * 1024
  });
  let pos = 0;
  for (const r of batch) {
    const start = pos;
    const eol = out.indexOf(10, pos);
    if (eol < 0) throw unexpected(out, start);
    const header = out.toString("latin1", pos, eol).split(" ");
    if (header[0] !== r.oid) throw unexpected(out, start);
    pos = eol + 1;
    if (header.length === 2 && (header[1] === "missing" || header[1] === "ambiguous")) continue;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isSafeInteger(size) || out[pos + size] !== 10) throw unexpected(out, start);
    if (header[1] === "blob") into.set(r.oid, out.subarray(pos, pos + size));
    pos += size + 1;
  }
  if (pos !== out.length) throw unexpected(out, pos);
}
function unexpected(out, pos) {
  return new Error(`unexpected \`git cat-file --batch\` output at byte ${pos}: ${JSON.stringify(out.toString("latin1", pos, pos + 80))}`);
}

// src/git/ls-tree.ts
function listTree(repoDir, treeish, pathspecs = []) {
  const out = git(repoDir, ["ls-tree", "-r", "-z", "--full-tree", "-l", treeish, "--", ...pathspecs], {
    encoding: "buffer",
    env: { GIT_LITERAL_PATHSPECS: "1" }
  });
  return parseLsTree(out.toString("utf8"));
}
function parseLsTree(text2) {
  const entries = [];
  for (const record of text2.split("\0")) {
    if (record === "") continue;
    const tab = record.indexOf("	");
    const [mode, type, oid, size] = record.slice(0, tab).trim().split(/ +/);
    if (tab < 0 || mode === void 0 || type === void 0 || oid === void 0 || size === void 0)
      throw new Error(`unexpected \`git ls-tree\` output: ${JSON.stringify(record.slice(0, 200))}`);
    entries.push({ mode, type, oid, size: size === "-" ? void 0 : Number(size), path: record.slice(tab + 1) });
  }
  return entries;
}

// src/git/read-revision.ts
import * as path13 from "node:path";

// src/git/repo.ts
var RevisionNotFoundError = class extends Error {
  constructor(message, rev, repoDir) {
    super(message);
    this.rev = rev;
    this.repoDir = repoDir;
  }
  rev;
  repoDir;
  name = "RevisionNotFoundError";
};
function repoRoot(dir) {
  return git(dir, ["rev-parse", "--show-toplevel"]).trim();
}
function resolveRev(repoDir, rev) {
  checkRevSyntax(rev, repoDir);
  const commit = gitResult(repoDir, ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`]);
  if (commit.status === 0) return commit.stdout.toString("utf8").trim();
  if (commit.status !== 1) throw failed(["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], commit);
  const any = gitResult(repoDir, ["rev-parse", "--verify", "--quiet", rev]);
  const type = any.status === 0 ? gitResult(repoDir, ["cat-file", "-t", any.stdout.toString("utf8").trim()]) : void 0;
  if (type?.status === 0) {
    const name2 = type.stdout.toString("utf8").trim();
    throw new RevisionNotFoundError(`revision "${rev}" in ${repoDir} names a ${name2}, not a commit`, rev, repoDir);
  }
  throw new RevisionNotFoundError(
    `unknown revision "${rev}" in ${repoDir}: no branch, tag or commit of that name. If it exists on the remote, fetch it first; a shallow checkout lacks older commits (set fetch-depth: 0 on actions/checkout, or run \`git fetch --unshallow\`).`,
    rev,
    repoDir
  );
}
function checkRevSyntax(rev, repoDir) {
  if (rev === "" || rev.startsWith("-") || /[\0\n]/.test(rev))
    throw new RevisionNotFoundError(`invalid revision ${JSON.stringify(rev)} in ${repoDir}`, rev, repoDir);
}

// src/git/read-revision.ts
var manifestExtensions2 = /* @__PURE__ */ new Set([".yaml", ".yml", ".json"]);
var MiB5 = 1024 * 1024;
function readRevision(repoDir, rev, pathspecs = [], limits = {}, where = `at ${rev}`, texts = /* @__PURE__ */ new Map()) {
  const lim = { ...defaultReadLimits, ...limits };
  const commit = resolveRev(repoDir, rev);
  const specs = normalizePathspecs(pathspecs);
  const out = { commit, files: [], diagnostics: [], skippedFiles: 0 };
  const note2 = (severity, file, message) => out.diagnostics.push(diagnostic(severity, file, { line: 1, column: 1 }, message));
  const entries = listTree(repoDir, commit, specs).map((e) => ({ e, at: firstSpec(e.path, specs) })).sort((x, y) => x.at - y.at || compareWalkOrder(x.e.path, y.e.path)).map((x) => x.e);
  for (const spec of specs) {
    if (!entries.some((e) => e.path === spec || e.path.startsWith(`${spec}/`)))
      note2("note", spec, `no such path at ${rev} (${commit.slice(0, 12)}); nothing read from it`);
  }
  const toRead = [];
  let full = false;
  for (const entry2 of entries) {
    const named = namedBy(entry2.path, specs);
    if (named === void 0) continue;
    if (full) {
      out.skippedFiles++;
      continue;
    }
    if (entry2.mode === "120000") {
      out.skippedFiles++;
      note2("note", entry2.path, "symbolic link not followed; skipped");
    } else if (entry2.mode === "160000") {
      out.skippedFiles++;
      note2("note", entry2.path, "submodule not read (its files live in another repository); skipped");
    } else if (!/^100[0-7]{3}$/.test(entry2.mode) || entry2.type !== "blob" || entry2.size === void 0) {
      out.skippedFiles++;
      note2("note", entry2.path, "not a regular file; skipped");
    } else if (named !== "explicitly" && !manifestExtensions2.has(path13.posix.extname(entry2.path))) {
      out.skippedFiles++;
    } else if (toRead.length >= lim.maxFiles) {
      out.skippedFiles++;
      note2("error", entry2.path, `more than ${lim.maxFiles} files to read; this file and the rest are skipped`);
      full = true;
    } else if (entry2.size > lim.maxFileBytes) {
      out.skippedFiles++;
      note2("error", entry2.path, `file is ${formatSize2(entry2.size, 1)}, over the ${formatSize2(lim.maxFileBytes)} limit; skipped`);
    } else toRead.push(entry2);
  }
  const total = toRead.reduce((sum, e) => sum + (e.size ?? 0), 0);
  if (total > lim.maxTotalBytes) throw new LimitError("bytes", total, lim.maxTotalBytes, where);
  const contents = readBlobs(
    repoDir,
    toRead.filter((e) => !texts.has(e.oid)).map((e) => ({ oid: e.oid, size: e.size ?? 0 }))
  );
  for (const entry2 of toRead) {
    let text2 = texts.get(entry2.oid);
    if (text2 === void 0) {
      const bytes = contents.get(entry2.oid);
      text2 = bytes === void 0 ? { problem: `object ${entry2.oid} is missing from the repository` } : decode(bytes);
      texts.set(entry2.oid, text2);
    }
    if (typeof text2 === "string") out.files.push({ path: entry2.path, text: text2 });
    else {
      out.skippedFiles++;
      note2("error", entry2.path, `${text2.problem}; skipped`);
    }
  }
  return out;
}
function normalizePathspecs(pathspecs) {
  const out = /* @__PURE__ */ new Set();
  for (const raw of pathspecs) {
    const parts = raw.split("/").filter((p) => p !== "" && p !== ".");
    if (raw.startsWith("/") || path13.isAbsolute(raw) || parts.includes(".."))
      throw new UsageError(`path ${JSON.stringify(raw)} must be relative to the repository root, without ".."`);
    if (parts.length === 0) return [];
    out.add(parts.join("/"));
  }
  return [...out];
}
function namedBy(file, specs) {
  if (specs.includes(file)) return "explicitly";
  const walked = (rest) => rest.split("/").slice(0, -1).every((dir) => !dir.startsWith(".") && dir !== "node_modules");
  if (specs.length === 0) return walked(file) ? "walked" : void 0;
  for (const spec of specs) {
    if (file.startsWith(`${spec}/`) && walked(file.slice(spec.length + 1))) return "walked";
  }
  return void 0;
}
function firstSpec(file, specs) {
  if (specs.length === 0) return 0;
  const walked = (rest) => manifestExtensions2.has(path13.posix.extname(rest)) && rest.split("/").slice(0, -1).every((dir) => !dir.startsWith(".") && dir !== "node_modules");
  const i = specs.findIndex((spec) => spec === file || file.startsWith(`${spec}/`) && walked(file.slice(spec.length + 1)));
  return i < 0 ? specs.length : i;
}
function decode(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { problem: "file is not valid UTF-8 text" };
  }
}
function formatSize2(bytes, decimals) {
  const [value, unit] = bytes >= MiB5 ? [bytes / MiB5, "MiB"] : bytes >= 1024 ? [bytes / 1024, "KiB"] : [bytes, "bytes"];
  if (unit === "bytes") return `${bytes} bytes`;
  return `${decimals === void 0 && Number.isInteger(value) ? value : value.toFixed(decimals ?? 1)} ${unit}`;
}

// src/tools/materialize.ts
import * as fs10 from "node:fs";
import * as os3 from "node:os";
import * as path14 from "node:path";
var MiB6 = 1024 * 1024;
var defaultMaterializeLimits = { ...defaultReadLimits, maxTotalBytes: 256 * MiB6 };
function materializeRevision(repoDir, rev, pathspecs = [], limits = {}) {
  const lim = { ...defaultMaterializeLimits, ...limits };
  const commit = resolveRev(repoDir, rev);
  const specs = normalizePathspecs(pathspecs);
  const entries = listTree(repoDir, commit, specs);
  const diagnostics2 = [];
  const note2 = (severity, file, message) => diagnostics2.push(diagnostic(severity, file, { line: 1, column: 1 }, message));
  const toWrite = [];
  let total = 0;
  let full = false;
  for (const entry2 of entries) {
    const unsafe = unsafeName(entry2.path);
    if (unsafe !== void 0) note2("error", entry2.path, `${unsafe}; not written`);
    else if (entry2.mode === "120000") note2("note", entry2.path, "symbolic link not written (links are never followed); tools see no file here");
    else if (entry2.mode === "160000") note2("note", entry2.path, "submodule not written (its files live in another repository)");
    else if (!/^100[0-7]{3}$/.test(entry2.mode) || entry2.type !== "blob" || entry2.size === void 0)
      note2("note", entry2.path, "not a regular file; not written");
    else if (full) continue;
    else if (toWrite.length >= lim.maxFiles) {
      note2("error", entry2.path, `more than ${lim.maxFiles} files in the tree; this file and the rest are not written`);
      full = true;
    } else if (entry2.size > lim.maxFileBytes)
      note2("error", entry2.path, `file is ${entry2.size} bytes, over the ${lim.maxFileBytes}-byte limit; not written`);
    else if (total + entry2.size > lim.maxTotalBytes) {
      note2("error", entry2.path, `the tree is over the ${lim.maxTotalBytes}-byte limit; this file and the rest are not written`);
      full = true;
    } else {
      toWrite.push(entry2);
      total += entry2.size;
    }
  }
  const contents = readBlobs(
    repoDir,
    toWrite.map((e) => ({ oid: e.oid, size: e.size ?? 0 }))
  );
  const dir = fs10.realpathSync(fs10.mkdtempSync(path14.join(os3.tmpdir(), "netreach-tree-")));
  trackDir(dir);
  const cleanup = () => removeTrackedDir(dir);
  let written = 0;
  try {
    for (const entry2 of toWrite) {
      const bytes = contents.get(entry2.oid);
      if (bytes === void 0) {
        note2("error", entry2.path, `object ${entry2.oid} is missing from the repository; not written`);
        continue;
      }
      const problem = writeInside(dir, entry2.path, bytes);
      if (problem === void 0) written++;
      else note2("error", entry2.path, `${problem}; not written`);
    }
  } catch (e) {
    cleanup();
    throw e;
  }
  return { dir, commit, files: written, diagnostics: diagnostics2, cleanup };
}
function unsafeName(file) {
  const parts = file.split("/");
  if (file.includes("\0") || path14.isAbsolute(file)) return "path is not a relative name";
  if (parts.some((p) => p === "" || p === "." || p === ".."))
    return 'path has an empty, "." or ".." component';
  if (parts.some((p) => p.toLowerCase() === ".git")) return "path goes through a .git directory";
  return void 0;
}
function writeInside(root, file, bytes) {
  const abs = path14.join(root, ...file.split("/"));
  if (!abs.startsWith(root + path14.sep)) return "path is outside the tree";
  try {
    fs10.mkdirSync(path14.dirname(abs), { recursive: true, mode: 493 });
    fs10.writeFileSync(abs, bytes, { flag: "wx", mode: 420 });
    return void 0;
  } catch (e) {
    const code = e.code ?? "error";
    return code === "EEXIST" ? "another entry of the tree already has this name" : `cannot write it (${code})`;
  }
}

// src/targets/repo-tree.ts
var under2 = (file, dir) => dir === "" || file === dir || file.startsWith(`${dir}/`);
function dirsOf(files) {
  const dirs2 = /* @__PURE__ */ new Set([""]);
  for (const f of files) {
    const parts = f.split("/");
    for (let i = 1; i < parts.length; i++) dirs2.add(parts.slice(0, i).join("/"));
  }
  return dirs2;
}
function excluding(items, exclude) {
  return items.filter((x) => !exclude.some((d) => under2(x.path ?? x.file, d)));
}
function reach2(root, rel) {
  let at3 = root;
  for (const part of rel.split("/").filter((p) => p !== "" && p !== ".")) {
    if (part === "..") return "missing";
    at3 = path15.join(at3, part);
    try {
      if (fs11.lstatSync(at3).isSymbolicLink()) return "link";
    } catch {
      return "missing";
    }
  }
  return "present";
}
function gitTree(repoDir, rev, label) {
  const commit = resolveRev(repoDir, rev);
  const entries = /* @__PURE__ */ new Map();
  for (const e of listTree(repoDir, commit, [])) if (/^100[0-7]{3}$/.test(e.mode) && e.type === "blob") entries.set(e.path, e);
  const files = [...entries.keys()].sort(compareWalkOrder);
  const dirs2 = dirsOf(files);
  const texts = /* @__PURE__ */ new Map();
  let root;
  let prefetched = false;
  return {
    label: `${label} ${commit.slice(0, 12)}`,
    commit,
    files,
    read(file) {
      if (!prefetched) {
        prefetched = true;
        prefetchManifests(repoDir, entries, texts);
      }
      if (!texts.has(file)) {
        const e = entries.get(file);
        let text2;
        if (e !== void 0 && (e.size ?? 0) <= defaultReadLimits.maxFileBytes) {
          const bytes = readBlobs(repoDir, [{ oid: e.oid, size: e.size ?? 0 }]).get(e.oid);
          text2 = bytes?.toString("utf8");
        }
        texts.set(file, text2);
      }
      return texts.get(file);
    },
    isDir: (dir) => dirs2.has(dir),
    id: (file) => entries.get(file)?.oid,
    manifests(paths, exclude) {
      const r = readRevision(repoDir, commit, [...paths]);
      return { files: excluding(r.files, exclude), diagnostics: excluding(r.diagnostics, exclude) };
    },
    buildRoot() {
      root ??= materializeRevision(repoDir, commit);
      return root;
    },
    cleanup() {
      root?.cleanup();
    }
  };
}
var PREFETCH_BYTES = 64 * 1024 * 1024;
var MANIFEST_NAME = /\.(ya?ml|json)$/;
function prefetchManifests(repoDir, entries, texts) {
  const wanted = [];
  let bytes = 0;
  for (const e of entries.values()) {
    const size = e.size ?? 0;
    if (!MANIFEST_NAME.test(e.path) || size > defaultReadLimits.maxFileBytes || bytes + size > PREFETCH_BYTES) continue;
    wanted.push(e);
    bytes += size;
  }
  const blobs = readBlobs(repoDir, wanted.map((e) => ({ oid: e.oid, size: e.size ?? 0 })));
  for (const e of wanted) {
    const b = blobs.get(e.oid);
    if (b !== void 0) texts.set(e.path, b.toString("utf8"));
  }
}
function dirTree(dir, label) {
  const abs = path15.resolve(dir);
  const files = [];
  const walk2 = (d, rel) => {
    let list6;
    try {
      list6 = fs11.readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    list6.sort((a, b) => compareNames(a.name, b.name));
    for (const e of list6) {
      const r = rel === "" ? e.name : `${rel}/${e.name}`;
      if (e.isDirectory()) {
        if (e.name !== ".git" && e.name !== "node_modules" && files.length < defaultReadLimits.maxFiles) walk2(path15.join(d, e.name), r);
      } else if (e.isFile()) files.push(r);
    }
  };
  walk2(abs, "");
  const dirs2 = dirsOf(files);
  const known = new Set(files);
  const texts = /* @__PURE__ */ new Map();
  let copy;
  const read2 = (file) => {
    if (!texts.has(file)) {
      let text2;
      try {
        const p = path15.join(abs, ...file.split("/"));
        if (known.has(file) && fs11.lstatSync(p).size <= defaultReadLimits.maxFileBytes) {
          const fd = fs11.openSync(p, fs11.constants.O_RDONLY | (fs11.constants.O_NOFOLLOW ?? 0));
          try {
            text2 = fs11.readFileSync(fd, "utf8");
          } finally {
            fs11.closeSync(fd);
          }
        }
      } catch {
        text2 = void 0;
      }
      texts.set(file, text2);
    }
    return texts.get(file);
  };
  return {
    label,
    files,
    read: read2,
    isDir: (d) => dirs2.has(d),
    id(file) {
      const t = read2(file);
      return t === void 0 ? void 0 : createHash("sha256").update(t).digest("hex");
    },
    manifests(paths, exclude) {
      const notes = [];
      const wanted = [];
      for (const p of paths.length === 0 ? [""] : paths) {
        const at3 = reach2(abs, p);
        if (at3 === "link") notes.push(diagnostic("note", p, { line: 1, column: 1 }, "goes through a symbolic link, which is never followed; skipped"));
        else if (at3 === "present") wanted.push(p === "" ? abs : path15.join(abs, ...p.split("/")));
      }
      const r = readSources(wanted, {}, "", abs);
      const rel = (p) => path15.relative(abs, path15.resolve(p)).split(path15.sep).join("/");
      const out = { files: r.files.map((f) => ({ path: rel(f.path), text: f.text })), diagnostics: [...notes, ...r.diagnostics.map((d) => ({ ...d, file: rel(d.file) }))] };
      return { files: excluding(out.files, exclude), diagnostics: excluding(out.diagnostics, exclude) };
    },
    buildRoot() {
      if (copy === void 0) {
        copy = fs11.realpathSync(fs11.mkdtempSync(path15.join(os4.tmpdir(), "netreach-tree-")));
        trackDir(copy);
        for (const f of files) {
          const from = path15.join(abs, ...f.split("/"));
          const to = path15.join(copy, ...f.split("/"));
          try {
            if (!fs11.lstatSync(from).isFile()) continue;
            fs11.mkdirSync(path15.dirname(to), { recursive: true });
            const fd = fs11.openSync(from, fs11.constants.O_RDONLY | (fs11.constants.O_NOFOLLOW ?? 0));
            try {
              fs11.writeFileSync(to, fs11.readFileSync(fd), { mode: 420, flag: "wx" });
            } finally {
              fs11.closeSync(fd);
            }
          } catch {
          }
        }
      }
      return { dir: copy, diagnostics: [] };
    },
    cleanup() {
      if (copy !== void 0) removeTrackedDir(copy);
    }
  };
}

// src/targets/config-merge.ts
function read(file, text2) {
  if (text2 === void 0) return { state: "absent" };
  try {
    return { state: "present", config: parseConfig(file, text2) };
  } catch (e) {
    if (e instanceof ConfigError) return { state: "invalid", error: e.message };
    throw e;
  }
}
function note(strings, ...values) {
  const out = [];
  strings.forEach((s, i) => {
    if (s !== "") out.push(s);
    if (i < values.length) {
      const v = values[i];
      if (typeof v === "string") out.push({ code: v });
      else out.push(...v);
    }
  });
  return out;
}
var rules2 = (r) => r === void 0 ? ["the run's ", { code: "fail-on" }] : [{ code: `fail-on: ${r.join(",")}` }];
var sameRules = (a, b) => (a ?? []).join(",") === (b ?? []).join(",") && a === void 0 === (b === void 0);
function sameDefinition(a, b) {
  if (!sameSource(a.source, b.source) || a.namespace !== b.namespace) return false;
  return a.source.kind !== "helm" || b.source.kind !== "helm" || a.source.release === b.source.release;
}
function mergeConfigs(file, baseText, headText) {
  const base2 = read(file, baseText);
  const head = read(file, headText);
  if (head.state === "invalid") throw new ConfigError(head.error);
  const notes = [];
  const headTargets = head.state === "present" ? head.config.targets : [];
  const baseTargets = base2.state === "present" ? base2.config.targets : [];
  if (base2.state === "invalid")
    notes.push(note`The base revision's ${file} is invalid (${[base2.error]}); the pull request's targets are analyzed, each gated by the run's ${"fail-on"} at least.`);
  if (base2.state === "absent" && head.state === "present")
    notes.push(note`This pull request adds ${file}: its targets are analyzed and gated by the run's ${"fail-on"} at least; what the base discovers is still analyzed.`);
  if (base2.state === "present" && head.state === "absent") notes.push(note`This pull request deletes ${file}; the base's targets and settings still apply.`);
  const targets2 = [];
  const taken = /* @__PURE__ */ new Set();
  for (const b of baseTargets) {
    targets2.push(b);
    const same = headTargets.find((h) => h.name === b.name);
    if (same !== void 0) {
      taken.add(same);
      if (!sameRules(same.failOn, b.failOn)) notes.push(note`Target ${b.name}: this pull request sets ${rules2(same.failOn)}; ${b.failOn === void 0 ? note`the run's ${"fail-on"} (the base sets none)` : note`the base's ${rules2(b.failOn)}`} applies until it merges.`);
      if (same.pods !== b.pods) notes.push(note`Target ${b.name}: this pull request sets ${`pods: ${same.pods ?? "(the run's)"}`}; the base's ${`pods: ${b.pods ?? "(the run's)"}`} applies until it merges.`);
      if (!sameDefinition(same, b)) {
        const name2 = `${b.name}@head`;
        targets2.push({ ...same, name: name2, baseSource: b.source, ...b.failOn !== void 0 ? { failOn: b.failOn } : {}, ...b.pods !== void 0 ? { pods: b.pods } : {}, fromHead: false });
        notes.push(note`Target ${b.name}: this pull request builds it from ${describeSource(same.source)} instead of ${describeSource(b.source)}; ${b.name} is analyzed as the base defines it, and ${name2} as the pull request does, both with the base's settings.`);
      }
      continue;
    }
    const renamed = headTargets.find((h) => !taken.has(h) && !baseTargets.some((o) => o.name === h.name) && sameDefinition(h, b));
    if (renamed !== void 0) {
      taken.add(renamed);
      notes.push(note`Target ${b.name} is renamed ${renamed.name} by this pull request; it is analyzed under its base name, with the base's settings.`);
    } else if (head.state === "present") notes.push(note`This pull request's ${file} drops target ${b.name}; it is still analyzed, with the base's settings.`);
  }
  for (const h of headTargets) {
    if (taken.has(h)) continue;
    targets2.push({ ...h, fromHead: true });
    if (base2.state === "present" || base2.state === "invalid")
      notes.push(note`Target ${h.name} is added by this pull request: analyzed, and gated by the run's ${"fail-on"}${h.failOn === void 0 ? [] : h.failOn.every((r) => r === "none") ? note` (its own ${"fail-on: none"} cannot lower that)` : note` and its own ${h.failOn.join(",")}`}.`);
  }
  const baseDiscover = base2.state === "present" ? base2.config.discover : true;
  const headDiscover = head.state === "present" ? head.config.discover : baseDiscover;
  if (baseDiscover && !headDiscover) notes.push(note`This pull request sets ${"discover: false"}; ${[base2.state === "present" ? "the base's file sets discovery on" : "the base has no file, so discovery stays on"]}, and discovered targets are still analyzed.`);
  const changed2 = (baseText ?? null) !== (headText ?? null);
  const state = (r) => r.state;
  return {
    targets: targets2,
    discover: baseDiscover || headDiscover,
    review: {
      file,
      base: state(base2),
      head: state(head),
      changed: changed2,
      notes,
      ...changed2 ? { patch: createTwoFilesPatch(`a/${file}`, `b/${file}`, baseText ?? "", headText ?? "", void 0, void 0, { context: 3 }).split("\n").slice(1).join("\n") } : {}
    }
  };
}

// src/targets/gitops.ts
var import_yaml15 = __toESM(require_dist(), 1);
var obj2 = (v) => v !== null && typeof v === "object" && !Array.isArray(v) ? v : void 0;
var str = (v) => typeof v === "string" && v !== "" ? v : void 0;
var list5 = (v) => Array.isArray(v) ? v : [];
function normalizeRepoUrl(url) {
  let u = url.trim().toLowerCase();
  u = u.replace(/^[a-z+]+:\/\//, "").replace(/^[^@/]+@/, "");
  u = u.replace(/^([^/:]+):(?!\d)/, "$1/");
  return u.replace(/\.git$/, "").replace(/\/+$/, "");
}
function gitopsTargets(files, tree, repo) {
  const objects = [];
  for (const f of files) {
    if (!/argoproj\.io|toolkit\.fluxcd\.io/.test(f.text)) continue;
    const lines = f.text.split("\n");
    let line = 1;
    let docs;
    try {
      docs = (0, import_yaml15.parseAllDocuments)(f.text, { uniqueKeys: false });
    } catch {
      continue;
    }
    if (!Array.isArray(docs)) continue;
    for (const d of docs) {
      const start = d.contents?.range?.[0];
      if (start !== void 0) line = f.text.slice(0, start).split("\n").length;
      if (d.errors.length > 0) continue;
      let v;
      try {
        v = d.toJS({ maxAliasCount: 100 });
      } catch {
        continue;
      }
      const o = obj2(v);
      if (o) objects.push({ file: f.path, line: Math.min(line, lines.length), o });
    }
  }
  const sameRepo = (url, p) => repo !== void 0 && typeof url === "string" ? normalizeRepoUrl(url) === repo : tree.isDir(p);
  const fluxRepos = /* @__PURE__ */ new Map();
  for (const { o } of objects)
    if (String(o.apiVersion).startsWith("source.toolkit.fluxcd.io/") && o.kind === "GitRepository") {
      const name2 = str(obj2(o.metadata)?.name);
      const url = str(obj2(o.spec)?.url);
      if (name2 && url) fluxRepos.set(name2, url);
    }
  const out = [];
  const add = (name2, source, origin, namespace, file, line, problems = []) => {
    if (source === void 0) return;
    out.push({ name: name2, source, origin, definedIn: { file, line }, ...namespace ? { namespace } : {}, ...problems.length > 0 ? { invalid: problems.join("; ") } : {} });
  };
  const rootPath = (p, problems) => resolvePath("", p, "path", problems);
  for (const { file, line, o } of objects) {
    const api = String(o.apiVersion ?? "");
    const meta = obj2(o.metadata) ?? {};
    const spec = obj2(o.spec) ?? {};
    const name2 = str(meta.name) ?? "app";
    if (api.startsWith("argoproj.io/") && o.kind === "Application") {
      const sources = spec.source !== void 0 ? [spec.source] : list5(spec.sources);
      const ns = str(obj2(spec.destination)?.namespace);
      sources.forEach((s, i) => {
        const src = obj2(s);
        const p = str(src?.path);
        const problems = [];
        if (!src || p === void 0 || !sameRepo(src.repoURL, rootPath(p, problems))) return;
        add(sources.length > 1 ? `${name2}-${i}` : name2, argoSource(src, name2, tree, problems), "argocd", ns, file, line, problems);
      });
    } else if (api.startsWith("argoproj.io/") && o.kind === "ApplicationSet") {
      const template = obj2(obj2(spec.template)?.spec) ?? {};
      const tmplName = str(obj2(obj2(spec.template)?.metadata)?.name) ?? `${name2}-{{path.basename}}`;
      for (const params of generatorParams(list5(spec.generators), tree, (url) => sameRepo(url, ""))) {
        const sources = template.source !== void 0 ? [template.source] : list5(template.sources);
        for (const s of sources) {
          const src = obj2(fill(s, params));
          const p = str(src?.path);
          const problems = [];
          if (!src || p === void 0 || p.includes("{{") || !sameRepo(src.repoURL, rootPath(p, problems))) continue;
          const appName = String(fill(tmplName, params));
          add(appName, argoSource(src, appName, tree, problems), "argocd", str(obj2(fill(template.destination, params))?.namespace), file, line, problems);
        }
      }
    } else if (api.startsWith("kustomize.toolkit.fluxcd.io/") && o.kind === "Kustomization") {
      const p = str(spec.path) ?? "./";
      const ref = obj2(spec.sourceRef);
      if (ref?.kind !== "GitRepository") continue;
      const problems = [];
      const dir = rootPath(p, problems);
      if (!sameRepo(fluxRepos.get(String(ref.name)), dir)) continue;
      const source = kustomizationFile(dir, tree) !== void 0 ? { kind: "kustomize", dir } : { kind: "paths", paths: dir === "" ? [] : [dir] };
      add(name2, source, "flux", str(spec.targetNamespace), file, line, problems);
    } else if (api.startsWith("helm.toolkit.fluxcd.io/") && o.kind === "HelmRelease") {
      const chart = obj2(obj2(spec.chart)?.spec);
      const ref = obj2(chart?.sourceRef);
      const p = str(chart?.chart);
      const problems = [];
      if (!chart || p === void 0 || ref?.kind !== "GitRepository" || !sameRepo(fluxRepos.get(String(ref.name)), rootPath(p, problems))) continue;
      const ns = str(spec.targetNamespace) ?? str(meta.namespace);
      const values = list5(chart.valuesFiles).filter((v) => typeof v === "string").map((v) => rootPath(v, problems));
      const inline = obj2(spec.values);
      const release = str(spec.releaseName) ?? (str(spec.targetNamespace) ? `${spec.targetNamespace}-${name2}` : name2);
      add(name2, { kind: "helm", chart: rootPath(p, []), values, release, ...inline ? { inlineValues: JSON.stringify(inline) } : {} }, "flux", ns, file, line, problems);
    }
  }
  return out;
}
function argoSource(src, appName, tree, problems) {
  const dir = resolvePath("", String(src.path), "path", []);
  const helm = obj2(src.helm);
  if (problems.length > 0) return { kind: "paths", paths: [dir] };
  if (tree.read(dir === "" ? "Chart.yaml" : `${dir}/Chart.yaml`) !== void 0) {
    const values = list5(helm?.valueFiles).filter((v) => typeof v === "string" && !v.startsWith("$")).map((v) => resolvePath(dir, v, "values file", problems));
    const inlineText = str(helm?.values);
    const inlineObj = obj2(helm?.valuesObject);
    const inline = inlineObj ? JSON.stringify(inlineObj) : inlineText;
    return { kind: "helm", chart: dir, values, release: str(helm?.releaseName) ?? appName, ...inline !== void 0 ? { inlineValues: inline } : {} };
  }
  if (kustomizationFile(dir, tree) !== void 0) return { kind: "kustomize", dir };
  return { kind: "paths", paths: dir === "" ? [] : [dir] };
}
function generatorParams(generators, tree, sameRepo) {
  const out = [];
  for (const g of generators.map(obj2)) {
    if (!g) continue;
    for (const e of list5(obj2(g.list)?.elements)) {
      const el = obj2(e);
      if (el) out.push(Object.fromEntries(Object.entries(el).map(([k, v]) => [k, String(v)])));
    }
    const git2 = obj2(g.git);
    if (git2 && sameRepo(git2.repoURL) && tree.dirs) {
      const dirs2 = tree.dirs();
      const include = [];
      const exclude = [];
      for (const d of list5(git2.directories).map(obj2)) if (d && typeof d.path === "string") (d.exclude === true ? exclude : include).push(d.path);
      for (const dir of dirs2) {
        if (dir === "" || !include.some((p) => glob(p, dir)) || exclude.some((p) => glob(p, dir))) continue;
        const base2 = dir.split("/").pop();
        out.push({ path: dir, "path.path": dir, "path.basename": base2, "path.basenameNormalized": base2.replace(/[^a-z0-9-]/gi, "-").toLowerCase() });
      }
    }
  }
  return out;
}
function glob(pattern, dir) {
  const re = clean(pattern).split("/").map((seg) => seg.split("*").map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[^/]*")).join("/");
  return new RegExp(`^${re}$`).test(dir);
}
function fill(v, params) {
  if (typeof v === "string") return v.replace(/\{\{\s*\.?([A-Za-z0-9_.]+)\s*\}\}/g, (m, k) => params[k] ?? m);
  if (Array.isArray(v)) return v.map((x) => fill(x, params));
  const o = obj2(v);
  return o ? Object.fromEntries(Object.entries(o).map(([k, x]) => [k, fill(x, params)])) : v;
}
function clean(p) {
  return p.split("/").filter((s) => s !== "" && s !== ".").join("/");
}

// src/targets/discover.ts
var ANALYZED_KIND = /(^|\n)[ \t]*"?kind"?[ \t]*:[ \t]*["']?(NetworkPolicy|Namespace|Pod|Deployment|StatefulSet|DaemonSet|ReplicaSet|Job|CronJob|ReplicationController|List|Prometheus|Alertmanager|ThanosRuler)\b/;
var MANIFEST2 = /\.(ya?ml|json)$/;
var under3 = (file, dir) => dir === "" || file === dir || file.startsWith(`${dir}/`);
var dirOf = (file) => file.includes("/") ? file.slice(0, file.lastIndexOf("/")) : "";
var base = (p) => p.split("/").pop() || "root";
function discoverTargets(tree, paths, repo) {
  const inScope = (f) => paths.length === 0 || paths.some((p) => under3(f, p));
  const files = tree.files.filter((f) => inScope(f) && !f.split("/").some((s) => s.startsWith(".") || s === "node_modules"));
  const dirs2 = () => [...new Set(tree.files.map(dirOf).flatMap((d) => d.split("/").map((_, i, a) => a.slice(0, i + 1).join("/"))))];
  const charts = files.filter((f) => base(f) === "Chart.yaml").map(dirOf);
  const topCharts = charts.filter((c) => !charts.some((o) => o !== c && under3(c, o))).sort();
  const kdirs = files.filter((f) => KUSTOMIZATION_FILES.includes(base(f))).map(dirOf).filter((d) => !topCharts.some((c) => under3(d, c)));
  const included = /* @__PURE__ */ new Set();
  for (const d of kdirs) for (const inc of kustomizeClosure(d, tree).dirs.slice(1)) included.add(inc);
  const isComponent = (d) => /^kind:\s*Component\b/m.test(kustomizationFile(d, tree)?.text ?? "");
  const overlays = [...new Set(kdirs)].filter((d) => !included.has(d) && !isComponent(d)).sort();
  const targets2 = [];
  const gitops = gitopsTargets(
    files.filter((f) => MANIFEST2.test(f)).map((f) => ({ path: f, text: tree.read(f) ?? "" })),
    { ...tree, dirs: dirs2 },
    repo
  );
  const names = uniqueNames(overlays);
  overlays.forEach((d, i) => targets2.push({ name: names[i], source: { kind: "kustomize", dir: d }, origin: "discovered" }));
  for (const c of topCharts) {
    const values = files.filter((f) => dirOf(f) === c && /^values[-_.][^/]+\.ya?ml$/.test(base(f))).sort();
    const chartName = /^name:\s*["']?([A-Za-z0-9._-]+)/m.exec(tree.read(c === "" ? "Chart.yaml" : `${c}/Chart.yaml`) ?? "")?.[1] ?? base(c);
    const release = releaseName(chartName);
    if (values.length === 0) targets2.push({ name: chartName, source: { kind: "helm", chart: c, values: [], release }, origin: "discovered" });
    for (const v of values) {
      const suffix = base(v).replace(/^values[-_.]/, "").replace(/\.ya?ml$/, "");
      targets2.push({ name: `${chartName}-${suffix}`, source: { kind: "helm", chart: c, values: [v], release }, origin: "discovered" });
    }
  }
  const merged = [...gitops, ...targets2.filter((t) => !gitops.some((g) => sameSource(g.source, t.source)))].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  const covered = [.../* @__PURE__ */ new Set([...topCharts, ...kdirs, ...gitops.flatMap((g) => g.source.kind === "paths" ? g.source.paths : [])])];
  const coveredSet = new Set(covered);
  const isCovered = (f) => coveredSet.has("") || f.split("/").some((_, i, a) => coveredSet.has(a.slice(0, i + 1).join("/")));
  const rest = files.filter((f) => MANIFEST2.test(f) && !isCovered(f) && ANALYZED_KIND.test(tree.read(f) ?? ""));
  const built = merged.length > 0;
  if (rest.length > 0 || !built) merged.push({ name: "manifests", source: { kind: "paths", paths: [...paths], exclude: covered }, origin: "discovered" });
  return { targets: dedupeNames(merged), covered, built };
}
function uniqueNames(dirs2) {
  return dirs2.map((d) => dirs2.filter((o) => base(o) === base(d)).length > 1 ? d || "root" : base(d));
}
function dedupeNames(targets2) {
  const seen = /* @__PURE__ */ new Map();
  return targets2.map((t) => {
    const n = (seen.get(t.name) ?? 0) + 1;
    seen.set(t.name, n);
    return n === 1 ? t : { ...t, name: `${t.name}-${n}` };
  });
}
function releaseName(chart) {
  const r = chart.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 53);
  return r === "" ? "release" : r;
}

// src/targets/resolve.ts
function resolveTargets(flags, paths, trees, repo) {
  let targets2;
  let from;
  let plain2 = false;
  let review;
  if (flags.kustomize.length > 0 || flags.helm.length > 0) {
    targets2 = uniqueNames2([...flags.kustomize.map((d) => kustomizeFlag(d, flags.rootName)), ...flags.helm.map((h) => helmFlag(h, chartReader(trees), flags.rootName))]);
    from = "flags";
  } else {
    const configPath = flags.configPath ?? CONFIG_FILE;
    const baseText = flags.config ? void 0 : trees.base.read(configPath);
    const headText = flags.config ? void 0 : trees.head.read(configPath);
    if (flags.config !== void 0) {
      const cfg = parseConfig(flags.config.file, flags.config.text);
      from = flags.config.file;
      targets2 = [...cfg.targets];
      if (cfg.discover) targets2 = [...targets2, ...discovered(paths, trees, repo, targets2)];
    } else if (baseText !== void 0 || headText !== void 0) {
      const merged = mergeConfigs(configPath, baseText, headText);
      from = configPath;
      review = merged.review;
      targets2 = [...merged.targets];
      if (merged.discover) targets2 = [...targets2, ...discovered(paths, trees, repo, targets2)];
    } else if (flags.discover === false) {
      targets2 = [{ name: "manifests", source: { kind: "paths", paths: [...paths] }, origin: "discovered" }];
      from = "paths";
      plain2 = true;
    } else {
      targets2 = discovered(paths, trees, repo, []);
      from = "discovery";
      plain2 = targets2.length === 1 && targets2[0].source.kind === "paths" && (targets2[0].source.exclude ?? []).length === 0;
    }
  }
  if (flags.names.length > 0) {
    const unknown = flags.names.filter((n) => !targets2.some((t) => t.name === n));
    if (unknown.length > 0)
      throw new ConfigError(`no target named ${unknown.map((n) => JSON.stringify(n)).join(", ")}; the targets are: ${targets2.map((t) => t.name).join(", ") || "(none)"}`);
    targets2 = targets2.filter((t) => flags.names.includes(t.name));
    plain2 = false;
  }
  return { targets: targets2, plain: plain2, from, ...review !== void 0 ? { review } : {} };
}
function chartReader(trees) {
  return { read: (f) => trees.head.read(f) ?? trees.base.read(f) };
}
function discovered(paths, trees, repo, configured) {
  const head = discoverTargets(trees.head, paths, repo);
  const base2 = discoverTargets(trees.base, paths, repo);
  const out = [];
  const covered = [.../* @__PURE__ */ new Set([...head.covered, ...base2.covered])];
  for (const t of [...head.targets, ...base2.targets]) {
    if (out.some((o) => o.name === t.name) || configured.some((c) => c.name === t.name || sameSource(c.source, t.source))) continue;
    out.push(t.source.kind === "paths" && t.origin === "discovered" && t.name === "manifests" ? { ...t, source: { ...t.source, exclude: covered } } : t);
  }
  return out;
}
function kustomizeFlag(dir, rootName) {
  const problems = [];
  const d = resolvePath("", dir, "--kustomize", problems);
  return { name: d.split("/").pop() || (rootName !== void 0 ? safeName(rootName) : "") || "root", source: { kind: "kustomize", dir: d }, origin: "flag", ...invalid(problems) };
}
function helmFlag(spec, tree, rootName) {
  const [chart, values = ""] = spec.split(":", 2);
  const problems = [];
  const c = resolvePath("", chart, "--helm chart", problems);
  const vals = values.split(",").map((v) => v.trim()).filter((v) => v !== "").map((v) => resolvePath(c, v, "--helm values file", problems));
  const declared = c === "" ? /^name:\s*["']?([A-Za-z0-9._-]+)/m.exec(tree?.read("Chart.yaml") ?? "")?.[1] : void 0;
  const chartName = c.split("/").pop() || declared || (rootName !== void 0 ? safeName(rootName) : "") || "chart";
  const suffix = vals[0]?.split("/").pop()?.replace(/\.ya?ml$/, "").replace(/^values[-_.]?/, "");
  const release = chartName.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/^-+|-+$/g, "").slice(0, 53).replace(/-+$/, "") || "release";
  return { name: suffix ? `${chartName}-${suffix}` : chartName, source: { kind: "helm", chart: c, values: vals, release }, origin: "flag", ...invalid(problems) };
}
function uniqueNames2(targets2) {
  const seen = /* @__PURE__ */ new Set();
  return targets2.map((t) => {
    let name2 = t.name;
    for (let i = 2; seen.has(name2); i++) name2 = `${t.name}-${i}`;
    seen.add(name2);
    return name2 === t.name ? t : { ...t, name: name2 };
  });
}
var invalid = (problems) => problems.length > 0 ? { invalid: problems.join("; ") } : {};
var safeName = (n) => n.replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[^A-Za-z0-9]+/, "").slice(0, 100);

// src/targets/run.ts
async function runTargets(flags, paths, trees, repo, options) {
  const deadline = options.deadline ?? Deadline.after(DEFAULT_DEADLINE_SECONDS);
  const resolved2 = resolveTargets(flags, paths, trees, repo);
  if (resolved2.plain) return void 0;
  const max = options.maxTargets ?? DEFAULT_MAX_TARGETS;
  const { kept, over } = capTargets(resolved2.targets, max);
  const built = await diffTargets(kept, trees, { ...options, deadline });
  const diffs = [...built, ...over.map((t) => pastCap(t, max, resolved2.targets.length))];
  const skipped = skippedSummary(diffs);
  return { resolved: resolved2, diffs, outcomes: diffs.map(outcome), unread: unreadFiles(resolved2.targets, trees), ...skipped !== void 0 ? { skipped } : {} };
}
function outcome(d) {
  const s = d.target.source;
  const skipped = skipReason(d);
  return {
    name: d.target.name,
    kind: s.kind,
    built: describeSource(s),
    path: s.kind === "kustomize" ? s.dir : s.kind === "helm" ? s.chart : s.paths[0] ?? "",
    values: s.kind === "helm" ? s.values : [],
    ...s.kind === "helm" ? { release: s.release } : {},
    ...d.target.namespace !== void 0 ? { namespace: d.target.namespace } : {},
    origin: d.target.origin,
    ...d.target.definedIn !== void 0 ? { definedIn: d.target.definedIn } : {},
    base: side(d.base),
    head: side(d.head),
    ...d.report !== void 0 ? { report: d.report } : {},
    ...d.failure !== void 0 ? { failure: d.failure } : {},
    ...skipped !== void 0 ? { skipped } : {}
  };
}
function side(b) {
  return { ms: b.ms, ...b.tool !== void 0 ? { tool: b.tool } : {}, ...b.absent ? { absent: true } : {}, ...b.reused ? { reused: true } : {} };
}
function originUrl(repoDir) {
  const r = gitResult(repoDir, ["remote", "get-url", "origin"]);
  const url = r.status === 0 ? r.stdout.toString("utf8").trim() : "";
  return url === "" ? void 0 : normalizeRepoUrl(url);
}

// src/cli/main.ts
import { readFileSync as readFileSync7, statSync as statSync4 } from "node:fs";
import { basename as basename2, isAbsolute as isAbsolute7, relative as relative5, resolve as resolve5, sep as sep6 } from "node:path";

// src/cli/usage.ts
var HELP_TOPICS = ["reach", "diff", "help", "version"];
var TARGETS = `Targets (one cluster each; default: .netreach.yaml at the repository root, else discovery of
Kustomize overlays, Helm charts with their values*.yaml, Argo CD / Flux objects):
  --kustomize DIR       build this Kustomize directory (repeatable)
  --helm CHART[:V,...]  render this chart with values files V (relative to the chart; repeatable)
  --target NAME         analyze only this target (repeatable)
  --config FILE         read targets from FILE instead of the revisions' .netreach.yaml
  --no-discover         no discovery: the paths are plain manifests, as netreach read them before
  --max-targets N       analyze at most N targets (default ${DEFAULT_MAX_TARGETS}); the rest are reported as not
                        analyzed, and the run fails
  --deadline SECONDS    stop building and analyzing after this long (default ${DEFAULT_DEADLINE_SECONDS}, 20 minutes; 20m
                        and 1h also work); targets not done are reported as not analyzed
`;
var COMMON = `  --pods M              where pods come from: auto (default), declared, synthetic
  --host-network M      exempt (default: policies do not apply to hostNetwork pods) or pod
  -n, --namespace NS    objects without metadata.namespace go to NS (default: default), and
                        objects naming another namespace are left out, as kubectl apply -n does
  --ingress-controller NS/KEY=VALUE[,KEY=VALUE...]
                        the ingress controller's (or gateway's) pods, e.g.
                        ingress-nginx/app.kubernetes.io/name=ingress-nginx (default: a pod in a
                        namespace of its own with no labels, as netpol-analyzer assumes)
  --dns-server NS/KEY=VALUE[,KEY=VALUE...]
                        the cluster DNS server's pods, e.g. kube-system/k8s-app=kube-dns
                        (default: the pods of Service kube-system/kube-dns, or pods labelled
                        k8s-app=kube-dns; never just any pod listening on port 53)
  --max-bytes N         refuse more than N bytes of manifests per revision (default 128MiB;
                        units KiB, MiB, GiB)
  --max-workloads N     refuse more than N workloads per revision (default ${defaultInputLimits.workloads})
  --max-policies N      refuse more than N NetworkPolicies per revision (default ${defaultInputLimits.policies})
  --max-pod-classes N   refuse more than N distinct pod classes (default ${defaultInputLimits.podClasses})
  -h, --help            print this help
`;
var EXIT = `Exit codes: 0 ok, 1 the gate failed, 2 bad usage, invalid input, or a target not analyzed.
`;
var REACH_LINE = "  netreach reach <path>... [options]\n";
var DIFF_LINES = `  netreach diff <base> <head> [options]
  netreach diff --git <base-rev> [<head-rev>] [options] [-- <pathspec>...]   (head default: working tree)
`;
var REACH_OPTIONS = `  --format F            text (default), json, md or csv
  --group               flows per class of pods that the policies treat alike ("any pod in
                        frontend -> backend/db[Deployment]: TCP 5432"), not one line per pair;
                        for text and json (md is always grouped; csv is one row per pair)
`;
var DIFF_OPTIONS = `  --format F            text (default), md, json or sarif
  --fail-on LIST        gate, comma list of: exposed and external-ingress (the default),
                        external-egress, cross-namespace, sensitive-ports, any-opened, none
  --sensitive-ports P   ports for the sensitive-ports rule (default ${DEFAULT_SENSITIVE_PORTS})
  --output FILE         also write the JSON report to FILE
`;
var REACH_USAGE = `Usage:
${REACH_LINE}
Prints which pods can reach which, and on what ports, in the manifests under the paths (or in
the targets built from the one directory given).

${TARGETS}
Options:
${REACH_OPTIONS}${COMMON}
${EXIT}`;
var DIFF_USAGE = `Usage:
${DIFF_LINES}
Shows which flows the head opens and closes compared with the base, and gates on them.

${TARGETS}
Options:
${DIFF_OPTIONS}${COMMON}
${EXIT}`;
var HELP_USAGE = `Usage:
  netreach help [reach|diff|version]
  netreach <command> --help

Prints the usage of netreach, or of one command.
`;
var VERSION_USAGE = `Usage:
  netreach version        (also: netreach --version, netreach -v)

Prints netreach's version.
`;
var USAGE = `Usage:
${REACH_LINE}${DIFF_LINES}  netreach help [command]       netreach <command> --help       netreach version

${TARGETS}
Options of reach:
${REACH_OPTIONS}
Options of diff:
${DIFF_OPTIONS}
Options of both:
${COMMON}
${EXIT}`;
function usageOf(topic) {
  switch (topic) {
    case "reach":
      return REACH_USAGE;
    case "diff":
      return DIFF_USAGE;
    case "help":
      return HELP_USAGE;
    case "version":
      return VERSION_USAGE;
    case void 0:
      return USAGE;
  }
}

// src/cli/args.ts
var REACH_FORMATS = ["text", "json", "md", "csv"];
var DIFF_FORMATS = ["md", "text", "json", "sarif"];
var PODS_MODES = ["auto", "declared", "synthetic"];
var HOST_NETWORK_MODES = ["exempt", "pod"];
function parseArgs(argv) {
  const [cmd, ...rest] = argv;
  if (cmd === void 0 || cmd === "--help" || cmd === "-h") return { command: "help" };
  const dashesAt = rest.indexOf("--");
  const wantsHelp = (dashesAt < 0 ? rest : rest.slice(0, dashesAt)).some((a) => a === "--help" || a === "-h");
  if (cmd === "help") {
    const topic = wantsHelp ? "help" : rest[0];
    if (topic === void 0) return { command: "help" };
    if (!HELP_TOPICS.includes(topic)) throw new UsageError(`no help for "${topic}": the commands are ${HELP_TOPICS.join(", ")}`);
    return { command: "help", topic };
  }
  if (cmd === "--version" || cmd === "-v" || cmd === "version") return wantsHelp ? { command: "help", topic: "version" } : { command: "version" };
  if (cmd !== "reach" && cmd !== "diff") throw new UsageError(`unknown command "${cmd}"`);
  if (wantsHelp) return { command: "help", topic: cmd };
  const positional = [];
  const afterDashes = [];
  let format2;
  let pods = "auto";
  let hostNetwork = "exempt";
  let namespace;
  let ingressController;
  let dnsServer;
  let failOn = "";
  let sensitive = DEFAULT_SENSITIVE_PORTS;
  let git2 = false;
  let output = null;
  let dashes = false;
  const limits = {};
  const limitFlags = new Map(Object.entries(LIMIT_OPTIONS).map(([k, o]) => [o.flag, k]));
  const kustomize = [];
  const helm = [];
  const names = [];
  let config = null;
  let discover = true;
  let group2 = false;
  const bounds = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (dashes) {
      afterDashes.push(arg);
      continue;
    }
    const eq = arg.startsWith("--") || arg.startsWith("-n=") ? arg.indexOf("=") : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (v === void 0) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === "--") dashes = true;
    else if (flag === "--format") format2 = value();
    else if (flag === "--pods") pods = oneOf(flag, value(), PODS_MODES);
    else if (flag === "--host-network") hostNetwork = oneOf(flag, value(), HOST_NETWORK_MODES);
    else if (flag === "--namespace" || flag === "-n") namespace = namespaceName(flag, value());
    else if (flag === "--ingress-controller") {
      const c = parseIngressController(value());
      if (!c.ok) throw new UsageError(`--${c.error}`);
      ingressController = c.value;
    } else if (flag === "--dns-server") {
      const c = parseDnsServer(value());
      if (!c.ok) throw new UsageError(`--${c.error}`);
      dnsServer = c.value;
    } else if (flag === "--fail-on" && cmd === "diff") failOn = value();
    else if (flag === "--sensitive-ports" && cmd === "diff") sensitive = value();
    else if (flag === "--output" && cmd === "diff") output = value();
    else if (flag === "--git" && cmd === "diff") git2 = true;
    else if (limitFlags.has(flag)) {
      const limit = limitFlags.get(flag);
      const v = parseLimit(limit, value());
      if (!v.ok) throw new UsageError(v.error);
      limits[limit] = v.value;
    } else if (flag === "--kustomize") kustomize.push(value());
    else if (flag === "--helm") helm.push(value());
    else if (flag === "--target") names.push(value());
    else if (flag === "--config") config = value();
    else if (flag === "--no-discover") discover = false;
    else if (flag === "--group") group2 = true;
    else if (flag === BOUND_OPTIONS.maxTargets.flag || flag === BOUND_OPTIONS.deadline.flag) {
      const which = flag === BOUND_OPTIONS.maxTargets.flag ? "maxTargets" : "deadline";
      const v = parseBound(which, value());
      if (!v.ok) throw new UsageError(v.error);
      bounds[which] = v.value;
    } else if (flag.startsWith("-") && flag !== "-") throw new UsageError(`unknown option "${flag}" for ${cmd}`);
    else positional.push(arg);
  }
  const targets2 = { kustomize, helm, names, config, discover };
  const withTargets2 = kustomize.length + helm.length + names.length > 0 || config !== null;
  if (cmd === "reach") {
    const paths = [...positional, ...afterDashes];
    if (paths.length === 0 && withTargets2) paths.push(".");
    if (paths.length === 0) throw new UsageError("reach needs at least one file or directory");
    const reachFormat = oneOf("--format", format2 ?? "text", REACH_FORMATS);
    if (group2 && reachFormat === "csv") throw new UsageError("--group does not go with --format csv: a CSV row is one pair of endpoints, and a group is many; use --group with --format text or json, or csv without --group");
    return { command: "reach", paths, format: reachFormat, group: group2, pods, hostNetwork, namespace, ingressController, dnsServer, targets: targets2, limits, bounds };
  }
  const f = parseFailOn(failOn);
  if (!f.ok) throw new UsageError(f.error);
  const s = parseSensitivePorts(sensitive);
  if (!s.ok) throw new UsageError(s.error);
  let source;
  if (git2) {
    if (positional.length < 1 || positional.length > 2) throw new UsageError("diff --git needs <base-rev> and optionally <head-rev> (pathspecs go after --)");
    source = { kind: "git", baseRev: positional[0], headRev: positional[1] ?? null, pathspecs: afterDashes };
  } else {
    const all = [...positional, ...afterDashes];
    if (all.length !== 2) throw new UsageError("diff needs <base> and <head> (files or directories), or --git <base-rev> [<head-rev>]");
    source = { kind: "paths", base: all[0], head: all[1] };
  }
  return {
    command: "diff",
    source,
    format: oneOf("--format", format2 ?? "text", DIFF_FORMATS),
    gate: { failOn: f.value, sensitive: s.value },
    output,
    group: group2,
    pods,
    hostNetwork,
    namespace,
    ingressController,
    dnsServer,
    targets: targets2,
    limits,
    bounds
  };
}
function namespaceName(flag, v) {
  if (!isDnsLabel(v)) {
    throw new UsageError(`${flag} ${quoted(v)} is not a valid namespace name: it must be ${RULE_TEXT["dns-label"]}`);
  }
  return v;
}
function oneOf(flag, v, allowed) {
  if (!allowed.includes(v)) throw new UsageError(`${flag} must be one of ${allowed.join(", ")}, not "${v}"`);
  return v;
}

// src/files/write-chunks.ts
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
var BATCH_CHARS = 1 << 16;
async function writeBatched(chunks, write, drain, stopped = () => false) {
  let batch = "";
  const flush = async () => {
    const text2 = batch;
    batch = "";
    if (write(text2) === false) await drain();
  };
  for (const c of chunks) {
    if (stopped()) return false;
    batch += c;
    if (batch.length >= BATCH_CHARS) await flush();
  }
  if (stopped()) return false;
  if (batch.length > 0) await flush();
  return !stopped();
}
async function writeFileChunks(path17, chunks) {
  const stream = createWriteStream(path17);
  try {
    await writeBatched(chunks, (t) => stream.write(t), async () => void await once(stream, "drain"));
  } catch (e) {
    stream.destroy();
    throw e;
  }
  stream.end();
  await finished(stream);
}

// src/cli/stream-out.ts
function streamSink(stream) {
  let closed = false;
  stream.on("error", (e) => {
    closed = true;
    if (e.code !== "EPIPE" && e.code !== "ERR_STREAM_DESTROYED") process.stderr.write(`netreach: cannot write the output: ${e.message}
`);
  });
  stream.on("close", () => closed = true);
  const settle = () => new Promise((resolve6) => {
    const done = () => {
      stream.off("drain", done);
      stream.off("close", done);
      stream.off("error", done);
      resolve6();
    };
    stream.on("drain", done);
    stream.on("close", done);
    stream.on("error", done);
  });
  return {
    write(text2) {
      if (!closed) stream.write(text2);
    },
    writeAll(chunks) {
      let full = false;
      return writeBatched(
        chunks,
        (text2) => (full = !stream.write(text2), false),
        // A synchronous pipe reports EPIPE on a later turn: give it one before the next batch.
        () => full ? settle() : new Promise((resolve6) => setImmediate(resolve6)),
        () => closed
      );
    }
  };
}

// src/cli/diff-sources.ts
import { relative as relative4, resolve as resolve4, sep as sep5, basename } from "node:path";
import { statSync as statSync3 } from "node:fs";
function readRevisions(source, cwd = process.cwd(), maxTotalBytes) {
  const limits = maxTotalBytes === void 0 ? {} : { maxTotalBytes };
  if (source.kind === "paths") {
    return { base: readRooted(source.base, cwd, limits, "in the base"), head: readRooted(source.head, cwd, limits, "in the head") };
  }
  const root = repoRoot(cwd);
  const specs = source.pathspecs.map((p) => toPosix(relative4(root, resolve4(cwd, p))) || ".");
  const baseSha = resolveRev(root, source.baseRev);
  const texts = /* @__PURE__ */ new Map();
  const base2 = readRevision(root, baseSha, specs, limits, `at ${source.baseRev}`, texts);
  if (source.headRev !== null) {
    const headSha = resolveRev(root, source.headRev);
    const head = readRevision(root, headSha, specs, limits, `at ${source.headRev}`, texts);
    return { base: { ...base2, label: source.baseRev }, head: { ...head, label: source.headRev } };
  }
  const wt = readSources(specs.length > 0 ? specs.map((s) => resolve4(root, s)) : [root], limits, "in the working tree", root);
  const files = wt.files.map((f) => ({ path: toPosix(relative4(root, resolve4(cwd, f.path))), text: f.text }));
  return { base: { ...base2, label: source.baseRev }, head: { files, diagnostics: wt.diagnostics, label: "working tree" } };
}
function readRooted(path17, cwd, limits, where) {
  const abs = resolve4(cwd, path17);
  const r = readSources([abs], limits, `${where} (${path17})`, cwd);
  const isDir2 = safeIsDir(abs);
  const rename = (p) => isDir2 ? toPosix(relative4(abs, resolve4(cwd, p))) : basename(p);
  return {
    files: r.files.map((f) => ({ path: rename(f.path), text: f.text })),
    diagnostics: r.diagnostics.map((d) => ({ ...d, file: rename(d.file) })),
    label: path17
  };
}
function safeIsDir(p) {
  try {
    return statSync3(p).isDirectory();
  } catch {
    return false;
  }
}
function toPosix(p) {
  return sep5 === "/" ? p : p.split(sep5).join("/");
}

// src/heap-flags.ts
import { spawn as spawn2, spawnSync as spawnSync2 } from "node:child_process";
import * as fs12 from "node:fs";
import { constants as constants4, tmpdir as tmpdir4 } from "node:os";
import * as path16 from "node:path";
var YOUNG_GENERATION_FLAG = "--max-semi-space-size=32";
var FORWARDED = ["SIGTERM", "SIGINT", "SIGHUP"];
var RELAUNCH_GRACE_MS = 5e3;
function relaunchWithHeapFlags(runHere) {
  if (process.env["NETREACH_NO_RELAUNCH"] === "1") return runHere();
  if (process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) return runHere();
  const script = process.argv[1];
  if (script === void 0) return runHere();
  let runDir;
  try {
    runDir = fs12.mkdtempSync(path16.join(tmpdir4(), "netreach-run-"));
  } catch {
    return runHere();
  }
  const removeRunDir = () => fs12.rmSync(runDir, { recursive: true, force: true, maxRetries: 3, retryDelay: 20 });
  let child3;
  try {
    child3 = spawn2(process.execPath, [...process.execArgv, YOUNG_GENERATION_FLAG, script, ...process.argv.slice(2)], {
      stdio: "inherit",
      env: { ...process.env, NETREACH_NO_RELAUNCH: "1", TMPDIR: runDir, [GROUP_LEDGER_ENV]: runDir, [PARENT_PID_ENV]: String(process.pid) }
    });
  } catch {
    removeRunDir();
    return runHere();
  }
  let received;
  let grace;
  const forward = /* @__PURE__ */ new Map();
  for (const sig of FORWARDED)
    forward.set(sig, () => {
      received ??= sig;
      child3.kill(sig);
      grace ??= setTimeout(() => child3.kill("SIGKILL"), RELAUNCH_GRACE_MS);
    });
  for (const [sig, f] of forward) process.on(sig, f);
  const stopForwarding = () => {
    if (grace !== void 0) clearTimeout(grace);
    for (const [sig, f] of forward) process.removeListener(sig, f);
  };
  let settled = false;
  child3.on("error", () => {
    if (settled) return;
    settled = true;
    stopForwarding();
    removeRunDir();
    if (received !== void 0) process.kill(process.pid, received);
    else runHere();
  });
  child3.on("exit", (status, signal) => {
    if (settled) return;
    settled = true;
    stopForwarding();
    try {
      for (const f of fs12.readdirSync(runDir))
        if (f.startsWith(GROUP_LEDGER_PREFIX)) killGroup2(Number(f.slice(GROUP_LEDGER_PREFIX.length)));
      removeRunDir();
    } catch {
    }
    const dieOf = received ?? (signal !== null && FORWARDED.includes(signal) ? signal : void 0);
    if (dieOf !== void 0) process.kill(process.pid, dieOf);
    else process.exitCode = signal !== null ? 128 + (constants4.signals[signal] ?? 0) : status ?? 1;
  });
}
function killGroup2(pgid) {
  if (!Number.isInteger(pgid) || pgid <= 1) return;
  try {
    process.kill(-pgid, "SIGKILL");
  } catch {
  }
}

// src/version.ts
var VERSION = "0.1.0";

// src/cli/main.ts
function formatDiagnostic(d) {
  return `${plain(d.file)}:${d.line}:${d.column}: ${d.severity}: ${plain(d.message)}`;
}
function reachChunks(r, format2, group2) {
  switch (format2) {
    case "json":
      return group2 ? reachGroupedJsonChunks(r) : reachJsonChunks(r);
    case "text":
      return group2 ? reachGroupedTextLines(r) : reachTextLines(r);
    case "md":
      return reachMarkdownChunks(r);
    case "csv":
      return reachCsvLines(r);
  }
}
var hasErrors = (ds) => ds.some((d) => d.severity === "error");
function targetFlags(t, roots) {
  const real = roots.map((r) => realOr(resolve5(r)));
  const inTree = (p, flag) => {
    if (!isAbsolute7(p)) return p;
    const abs = realOr(resolve5(p));
    for (const r of real) {
      const rel = relative5(r, abs);
      if (rel === "" || !rel.startsWith("..") && !isAbsolute7(rel)) return `/${rel.split(sep6).join("/")}`;
    }
    throw new UsageError(`${flag} ${p} is outside ${roots.length === 1 ? "the repository" : "the directories"} being analyzed (${roots.join(", ")})`);
  };
  const helm = (spec) => {
    const [chart, values] = spec.split(":", 2);
    const vals = values === void 0 ? [] : values.split(",").map((v) => isAbsolute7(v.trim()) ? inTree(v.trim(), "--helm") : v);
    return `${inTree(chart, "--helm")}${values === void 0 ? "" : `:${vals.join(",")}`}`;
  };
  return {
    kustomize: t.kustomize.map((k) => inTree(k, "--kustomize")),
    helm: t.helm.map(helm),
    names: t.names,
    discover: t.discover,
    ...roots.length > 0 ? { rootName: basename2(realOr(resolve5(roots[0]))) } : {},
    ...t.config !== null ? { config: { file: t.config, text: readFileSync7(t.config, "utf8") } } : {}
  };
}
var realOr = (p) => {
  try {
    return realpathSync4(p);
  } catch {
    return p;
  }
};
var isDir = (p) => {
  try {
    return statSync4(p).isDirectory();
  } catch {
    return false;
  }
};
var withTargets = (t) => t.kustomize.length + t.helm.length + t.names.length > 0 || t.config !== null;
async function runReachTargets(cmd, io) {
  if (cmd.paths.length !== 1 || !isDir(cmd.paths[0])) {
    if (withTargets(cmd.targets)) throw new UsageError("targets (--kustomize, --helm, --target, --config) need one directory to build in");
    return void 0;
  }
  const tree = dirTree(cmd.paths[0], cmd.paths[0]);
  try {
    if (!withTargets(cmd.targets) && tree.read(".netreach.yaml") === void 0) return void 0;
    const resolved2 = resolveTargets(targetFlags(cmd.targets, [cmd.paths[0]]), [], { base: tree, head: tree }, void 0);
    if (resolved2.plain) return void 0;
    const targets2 = resolved2.targets;
    if (targets2.length > 1 && (cmd.format === "json" || cmd.format === "csv"))
      throw new UsageError(`${targets2.length} targets (${targets2.map((t) => t.name).join(", ")}): choose one with --target NAME for --format ${cmd.format}`);
    let code = 0;
    const deadline = Deadline.after(cmd.bounds.deadline ?? DEFAULT_DEADLINE_SECONDS);
    const max = cmd.bounds.maxTargets ?? DEFAULT_MAX_TARGETS;
    const { kept, over } = capTargets(targets2, max);
    const skipped = over.map((t) => pastCap(t, max, targets2.length));
    for (const t of kept) {
      if (deadline.passed()) {
        skipped.push(pastDeadline(t, deadline));
        continue;
      }
      const side2 = await buildSide(t, tree, { ...cmd.namespace !== void 0 ? { namespace: cmd.namespace } : {}, build: { timeoutMs: timeLeftFor(DEFAULT_TIMEOUT_MS, deadline) } });
      if (targets2.length > 1) io.out(`${cmd.format === "md" ? "## " : "== "}${t.name} (${describeSource(t.source)})${cmd.format === "md" ? "" : " =="}

`);
      if (side2.error !== void 0 || side2.absent) {
        io.err(`netreach: target ${t.name} (${describeSource(t.source)}): ${side2.absent ? "not found" : side2.error.message}
${side2.error?.detail ? side2.error.detail + "\n" : ""}`);
        code = 2;
        continue;
      }
      const helm = t.source.kind === "helm";
      const namespace = t.namespace ?? cmd.namespace;
      const report = reach(side2.files, {
        pods: t.pods ?? cmd.pods,
        hostNetwork: cmd.hostNetwork,
        limits: cmd.limits,
        ...cmd.ingressController !== void 0 ? { ingressController: cmd.ingressController } : {},
        ...cmd.dnsServer !== void 0 ? { dnsServer: cmd.dnsServer } : {},
        ...helm ? { defaultNamespace: namespace ?? "default" } : namespace !== void 0 ? { namespace } : {}
      });
      const full = { ...report, diagnostics: [...side2.diagnostics, ...report.diagnostics] };
      if (!await io.stream(reachChunks(full, cmd.format, cmd.group))) return code;
      if (targets2.length > 1) io.out("\n");
      for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
      if (hasErrors(full.diagnostics)) code = 2;
    }
    for (const d of skipped) io.err(`${formatDiagnostic(d.failure)}
`);
    const summary = skippedSummary(skipped);
    if (summary !== void 0) {
      io.err(`netreach: ${summary}
`);
      code = 2;
    }
    return code;
  } finally {
    tree.cleanup();
  }
}
async function runDiffTargets(cmd, io) {
  const deadline = Deadline.after(cmd.bounds.deadline ?? DEFAULT_DEADLINE_SECONDS);
  const src = cmd.source;
  let trees;
  let paths = [];
  let repo;
  let roots;
  if (src.kind === "paths") {
    if (!isDir(src.base) || !isDir(src.head)) {
      if (withTargets(cmd.targets)) throw new UsageError("targets (--kustomize, --helm, --target, --config) need two directories, or --git");
      return void 0;
    }
    trees = { base: dirTree(src.base, src.base), head: dirTree(src.head, src.head) };
    roots = [src.head, src.base];
  } else {
    const root = repoRoot(process.cwd());
    roots = [root];
    paths = src.pathspecs.map((p) => relative5(root, resolve5(process.cwd(), p)).split(sep6).join("/")).filter((p) => p !== "");
    repo = originUrl(root);
    const base2 = gitTree(root, src.baseRev, "base");
    trees = { base: base2, head: src.headRev !== null ? gitTree(root, src.headRev, "head") : dirTree(root, "working tree") };
  }
  try {
    const run = await runTargets(targetFlags(cmd.targets, roots), paths, trees, repo, {
      deadline,
      ...cmd.bounds.maxTargets !== void 0 ? { maxTargets: cmd.bounds.maxTargets } : {},
      pods: cmd.pods,
      hostNetwork: cmd.hostNetwork,
      gate: cmd.gate,
      limits: cmd.limits,
      ...cmd.namespace !== void 0 ? { namespace: cmd.namespace } : {},
      ...cmd.ingressController !== void 0 ? { ingressController: cmd.ingressController } : {},
      ...cmd.dnsServer !== void 0 ? { dnsServer: cmd.dnsServer } : {}
    });
    if (run === void 0) return void 0;
    const outcomes = run.outcomes;
    const config = run.resolved.review;
    const unread = { files: run.unread, fails: cmd.gate.failOn.includes("unanalyzed") };
    const json = () => targetsJsonChunks(outcomes, { group: cmd.group, unread, ...config !== void 0 ? { config } : {} });
    const render2 = {
      json,
      md: () => [renderTargetsComment(outcomes, { marker: "<!-- netreach -->", unread, ...config !== void 0 ? { config } : {} })],
      sarif: () => {
        const logs = outcomes.filter((o) => o.report !== void 0).map((o) => renderSarif(o.report, { toolVersion: VERSION }));
        const [first, ...rest] = logs;
        return [JSON.stringify(first === void 0 ? {} : { ...first, runs: [...first.runs, ...rest.flatMap((l) => l.runs)] }, null, 2) + "\n"];
      },
      text: () => [renderTargetsText(outcomes)]
    };
    await io.stream(render2[cmd.format]());
    if (cmd.output !== null) await writeFileChunks(cmd.output, json());
    for (const o of outcomes) {
      if (o.failure !== void 0) io.err(`${formatDiagnostic(o.failure)}
`);
      for (const d of o.report?.diagnostics ?? []) io.err(`[${o.name}] ${formatDiagnostic(d)}
`);
    }
    if (run.skipped !== void 0) io.err(`netreach: ${run.skipped}
`);
    for (const f of run.unread) io.err(`netreach: ${plain(f)}: changed, and no target reads it (not analyzed)
`);
    if (outcomes.some((o) => o.report !== void 0 && !o.report.gate.passed) || unread.fails && unread.files.length > 0) return 1;
    return outcomes.some((o) => o.failure !== void 0 || hasErrors(o.report?.diagnostics ?? [])) ? 2 : 0;
  } finally {
    trees.base.cleanup();
    trees.head.cleanup();
  }
}
async function runReach(cmd, io) {
  const sources = readSources([...cmd.paths], cmd.limits.bytes === void 0 ? {} : { maxTotalBytes: cmd.limits.bytes }, "", process.cwd());
  const report = reach(sources.files, { pods: cmd.pods, hostNetwork: cmd.hostNetwork, namespace: cmd.namespace, ingressController: cmd.ingressController, limits: cmd.limits });
  const full = { ...report, diagnostics: [...sources.diagnostics, ...report.diagnostics] };
  await io.stream(reachChunks(full, cmd.format, cmd.group));
  for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
  return hasErrors(full.diagnostics) ? 2 : 0;
}
function unreadOutsidePathspecs(src) {
  if (src.pathspecs.length === 0) return [];
  const root = repoRoot(process.cwd());
  const paths = src.pathspecs.map((p) => relative5(root, resolve5(process.cwd(), p)).split(sep6).join("/")).filter((p) => p !== "");
  const trees = { base: gitTree(root, src.baseRev, "base"), head: src.headRev !== null ? gitTree(root, src.headRev, "head") : dirTree(root, "working tree") };
  return unreadFiles([{ name: "manifests", source: { kind: "paths", paths }, origin: "discovered" }], trees);
}
async function runDiff(cmd, io) {
  const revs = readRevisions(cmd.source, process.cwd(), cmd.limits.bytes);
  const report = diff(revs.base.files, revs.head.files, {
    pods: cmd.pods,
    hostNetwork: cmd.hostNetwork,
    namespace: cmd.namespace,
    ingressController: cmd.ingressController,
    ...cmd.dnsServer !== void 0 ? { dnsServer: cmd.dnsServer } : {},
    gate: cmd.gate,
    limits: cmd.limits,
    unreadFiles: cmd.source.kind === "git" ? unreadOutsidePathspecs(cmd.source) : []
  });
  const full = { ...report, diagnostics: [...revs.head.diagnostics, ...report.diagnostics] };
  const render2 = {
    json: () => diffJsonChunks(full, { group: cmd.group }),
    md: () => [renderComment(full, { marker: "<!-- netreach -->" }) + "\n"],
    sarif: () => [JSON.stringify(renderSarif(full, { toolVersion: VERSION }), null, 2) + "\n"],
    text: () => [renderDiffText(full)]
  };
  await io.stream(render2[cmd.format]());
  if (cmd.output !== null) await writeFileChunks(cmd.output, diffJsonChunks(full, { group: cmd.group }));
  for (const d of full.diagnostics) io.err(formatDiagnostic(d) + "\n");
  if (!full.gate.passed) return 1;
  return hasErrors(full.diagnostics) ? 2 : 0;
}
async function runCli(argv, io) {
  try {
    const cmd = parseArgs(argv);
    switch (cmd.command) {
      case "help":
        io.out(usageOf(cmd.topic));
        return 0;
      case "version":
        io.out(`netreach ${VERSION}
`);
        return 0;
      case "reach":
        return await runReachTargets(cmd, io) ?? await runReach(cmd, io);
      case "diff":
        return await runDiffTargets(cmd, io) ?? await runDiff(cmd, io);
    }
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(`netreach: ${e.message}
`);
      return 2;
    }
    if (e instanceof UsageError) {
      io.err(`netreach: ${e.message}

${usageOf(argv[0] === "reach" || argv[0] === "diff" ? argv[0] : void 0)}`);
      return 2;
    }
    io.err(`netreach: ${e instanceof Error ? e.message : String(e)}
`);
    return 2;
  }
}
function isMain() {
  try {
    return process.argv[1] !== void 0 && realpathSync4(process.argv[1]) === realpathSync4(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}
if (isMain()) {
  relaunchWithHeapFlags(() => {
    const stdout = streamSink(process.stdout);
    void runCli(process.argv.slice(2), {
      out: (t) => stdout.write(t),
      err: (t) => process.stderr.write(t),
      stream: (chunks) => stdout.writeAll(chunks)
    }).then((code) => {
      process.exitCode = code;
    });
  });
}
export {
  formatDiagnostic,
  runCli
};
