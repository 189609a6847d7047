namespace KineticsPrep.Media;

/// <summary>
/// What an H.264 sequence parameter set says about the picture: its size after cropping, chroma format, bit depths,
/// range and sample aspect ratio (ITU-T H.264, 7.3.2.1.1 and E.1.1). Read without a decoder, for
/// <see cref="Mp4Header"/>.
/// </summary>
internal sealed record H264Sps(int Width, int Height, int ChromaFormat, int BitDepthLuma, int BitDepthChroma, bool FullRange, int SarNum, int SarDen)
{
    /// <summary>What ffmpeg's decoder calls plain 8-bit 4:2:0 in limited range.</summary>
    public bool IsYuv420p => ChromaFormat == 1 && BitDepthLuma == 8 && BitDepthChroma == 8 && !FullRange;

    private static readonly int[] HighProfiles = [100, 110, 122, 244, 44, 83, 86, 118, 128, 138, 139, 134, 135];

    // Table E-1: aspect_ratio_idc 1 to 16.
    private static readonly (int Num, int Den)[] SarTable =
        [(1, 1), (12, 11), (10, 11), (16, 11), (40, 33), (24, 11), (20, 11), (32, 11), (80, 33), (18, 11), (15, 11), (64, 33), (160, 99), (4, 3), (3, 2), (2, 1)];

    /// <param name="nal">The NAL unit, header byte included, as stored (with emulation prevention bytes).</param>
    /// <returns>Null when the bytes are no SPS this reader understands.</returns>
    public static H264Sps? Parse(ReadOnlySpan<byte> nal)
    {
        if (nal.Length < 4 || (nal[0] & 0x1F) != 7)
            return null;
        try
        {
            return Parse(new BitReader(Unescape(nal[1..])));
        }
        catch (Exception e) when (e is IndexOutOfRangeException or InvalidDataException)
        {
            // Read past the end of the NAL unit, or a code no valid SPS holds.
            return null;
        }
    }

    private static H264Sps? Parse(BitReader bits)
    {
        var profile = (int)bits.Bits(8);
        bits.Bits(16); // constraint flags, level
        bits.Ue(); // seq_parameter_set_id
        int chroma = 1, depthLuma = 8, depthChroma = 8;
        var separatePlanes = false;
        if (HighProfiles.Contains(profile))
        {
            chroma = (int)bits.Ue();
            if (chroma == 3)
                separatePlanes = bits.Flag();
            depthLuma = (int)bits.Ue() + 8;
            depthChroma = (int)bits.Ue() + 8;
            bits.Flag(); // qpprime_y_zero_transform_bypass
            if (bits.Flag())
            {
                for (var i = 0; i < (chroma == 3 ? 12 : 8); i++)
                {
                    if (bits.Flag())
                        SkipScalingList(bits, i < 6 ? 16 : 64);
                }
            }
        }
        if (chroma > 3)
            return null;
        bits.Ue(); // log2_max_frame_num_minus4
        var pocType = bits.Ue();
        if (pocType == 0)
        {
            bits.Ue();
        }
        else if (pocType == 1)
        {
            bits.Flag();
            bits.Se();
            bits.Se();
            var cycle = bits.Ue();
            for (var i = 0u; i < cycle; i++)
                bits.Se();
        }
        bits.Ue(); // max_num_ref_frames
        bits.Flag(); // gaps_in_frame_num_value_allowed
        var widthMbs = bits.Ue() + 1;
        var heightMapUnits = bits.Ue() + 1;
        var frameMbsOnly = bits.Flag();
        if (!frameMbsOnly)
            bits.Flag(); // mb_adaptive_frame_field
        bits.Flag(); // direct_8x8_inference
        uint cropLeft = 0, cropRight = 0, cropTop = 0, cropBottom = 0;
        if (bits.Flag())
        {
            cropLeft = bits.Ue();
            cropRight = bits.Ue();
            cropTop = bits.Ue();
            cropBottom = bits.Ue();
        }
        var monochrome = chroma == 0 || separatePlanes;
        var cropUnitX = monochrome ? 1 : chroma == 3 ? 1 : 2;
        var cropUnitY = (monochrome ? 1 : chroma == 1 ? 2 : 1) * (frameMbsOnly ? 1 : 2);
        var width = (long)widthMbs * 16 - cropUnitX * (cropLeft + cropRight);
        var height = (long)heightMapUnits * 16 * (frameMbsOnly ? 1 : 2) - cropUnitY * (cropTop + cropBottom);
        if (width <= 0 || height <= 0 || width > 16384 || height > 16384)
            return null;

        int sarNum = 0, sarDen = 1;
        var fullRange = false;
        if (bits.Flag()) // vui_parameters_present
        {
            if (bits.Flag()) // aspect_ratio_info_present
            {
                var idc = (int)bits.Bits(8);
                if (idc == 255)
                    (sarNum, sarDen) = ((int)bits.Bits(16), (int)bits.Bits(16));
                else if (idc is >= 1 and <= 16)
                    (sarNum, sarDen) = SarTable[idc - 1];
            }
            if (bits.Flag()) // overscan_info_present
                bits.Flag();
            if (bits.Flag()) // video_signal_type_present
            {
                bits.Bits(3); // video_format
                fullRange = bits.Flag();
            }
        }
        return new H264Sps((int)width, (int)height, chroma, depthLuma, depthChroma, fullRange, sarNum, sarDen);
    }

    private static void SkipScalingList(BitReader bits, int size)
    {
        int last = 8, next = 8;
        for (var j = 0; j < size; j++)
        {
            if (next != 0)
                next = (last + bits.Se() + 256) % 256;
            last = next == 0 ? last : next;
        }
    }

    /// <summary>Drops the emulation prevention byte of every 00 00 03.</summary>
    private static byte[] Unescape(ReadOnlySpan<byte> payload)
    {
        var bytes = new List<byte>(payload.Length);
        var zeros = 0;
        foreach (var b in payload)
        {
            if (zeros >= 2 && b == 3)
            {
                zeros = 0;
                continue;
            }
            zeros = b == 0 ? zeros + 1 : 0;
            bytes.Add(b);
        }
        return [.. bytes];
    }

    /// <summary>Reads bits most significant first, and Exp-Golomb codes; reading past the end throws.</summary>
    private sealed class BitReader(byte[] bytes)
    {
        private int _bit;

        public bool Flag() => Bits(1) == 1;

        public uint Bits(int count)
        {
            uint value = 0;
            for (var i = 0; i < count; i++, _bit++)
                value = (value << 1) | (uint)((bytes[_bit >> 3] >> (7 - (_bit & 7))) & 1);
            return value;
        }

        public uint Ue()
        {
            var zeros = 0;
            while (!Flag())
            {
                if (++zeros > 31)
                    throw new InvalidDataException("Exp-Golomb code too long");
            }
            return (uint)((1L << zeros) - 1 + Bits(zeros));
        }

        public int Se()
        {
            var code = Ue();
            return (code & 1) == 1 ? (int)((code + 1) / 2) : -(int)(code / 2);
        }
    }
}
