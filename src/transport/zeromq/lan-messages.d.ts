import type { Codec, DecodeOptions } from 'protons-runtime';
import type { Uint8ArrayList } from 'uint8arraylist';
export interface LanOffer {
    curveKey: string;
}
export declare namespace LanOffer {
    const codec: () => Codec<LanOffer>;
    interface LanOfferCurveKeyFieldEvent {
        field: '$.curveKey';
        value: string;
    }
    function encode(obj: Partial<LanOffer>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanOffer>): LanOffer;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanOffer>): Generator<LanOfferCurveKeyFieldEvent>;
}
export interface LanAccept {
    endpoint: string;
    curveKey: string;
    refused: string;
}
export declare namespace LanAccept {
    const codec: () => Codec<LanAccept>;
    interface LanAcceptEndpointFieldEvent {
        field: '$.endpoint';
        value: string;
    }
    interface LanAcceptCurveKeyFieldEvent {
        field: '$.curveKey';
        value: string;
    }
    interface LanAcceptRefusedFieldEvent {
        field: '$.refused';
        value: string;
    }
    function encode(obj: Partial<LanAccept>): Uint8Array<ArrayBuffer>;
    function decode(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanAccept>): LanAccept;
    function stream(buf: Uint8Array | Uint8ArrayList, opts?: DecodeOptions<LanAccept>): Generator<LanAcceptEndpointFieldEvent | LanAcceptCurveKeyFieldEvent | LanAcceptRefusedFieldEvent>;
}
